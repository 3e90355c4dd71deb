from .caso import AgencyContact, AgencyLocality, CasoDirectoryPage
from .index import GuidanceIndexPage
from .pages import Audience, GuidancePage, Topic
from .strategy import StrategyPage

__all__ = [
    "AgencyContact",
    "AgencyLocality",
    "Audience",
    "CasoDirectoryPage",
    "GuidanceIndexPage",
    "GuidancePage",
    "StrategyPage",
    "Topic",
]
