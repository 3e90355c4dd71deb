from .caso import AgencyContact, AgencyLocality, CasoDirectoryPage
from .pages import Audience, GuidanceIndexPage, GuidancePage, Topic
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
