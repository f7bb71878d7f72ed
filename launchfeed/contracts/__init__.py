"""The ground layer: the data every stage reads and writes, and nothing else.

``records`` holds what flows through the pipeline (Document, Statement, Event and their
parts); ``sources`` holds what a source declares about itself (SourceInfo, with the policy
the extractor reads it by) and the table of authorities. No module of this package imports
anything else of the project (a test reads the imports); the stages import only this
package and their own modules; only the CLI and orchestration modules import the stages.
"""

from launchfeed.contracts.records import *  # noqa: F403
from launchfeed.contracts.records import __all__ as _records
from launchfeed.contracts.sources import *  # noqa: F403
from launchfeed.contracts.sources import __all__ as _sources

__all__ = [*_records, *_sources]
