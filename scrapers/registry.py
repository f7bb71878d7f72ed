"""Every source module, by id. Adding a source adds a module and a line here."""

from __future__ import annotations

from types import ModuleType

from scrapers import dod, indopacom, jcs_kr, kcna, mnd_kr, mod_jp, yonhap_en

MODULES: dict[str, ModuleType] = {
    module.INFO.id: module for module in (mod_jp, indopacom, dod, kcna, jcs_kr, mnd_kr, yonhap_en)
}
