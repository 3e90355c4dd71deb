"""Whether an uploaded file is accepted for a question: it must be one of the kinds that
question allows, judged by its content and not its name (kinds.py); it must pass that
kind's checks (checks.py); and, when scanning is on, ClamAV must find it clean (virus.py).

judge(upload, kinds) gives the kind, or the GOV.UK error message to show on the question."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from . import checks, virus
from .kinds import ALLOWED, LABELS, described, sniff

__all__ = ["ALLOWED", "LABELS", "Verdict", "described", "judge", "sniff"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    kind: str | None = None
    error: str | None = None


def judge(upload, kinds):
    upload.seek(0)
    kind = sniff(upload)
    if kind not in kinds:
        return Verdict(error=_("The selected file must be a %(kinds)s") % wanted(kinds))
    data = upload.read()
    upload.seek(0)
    try:
        checks.check(data, kind)
    except checks.Refused as refusal:
        logger.info("Upload refused as %s: %s", kind, refusal)
        if refusal.reason == checks.PIXELS:
            megapixels = f"{settings.PORTAL_UPLOAD_MAX_PIXELS / 1_000_000:g}"
            return Verdict(
                error=_("The selected picture must be smaller than %(megapixels)s megapixels")
                % {"megapixels": megapixels}
            )
        return Verdict(error=not_checked(kinds))
    except Exception as error:  # a parser that fails in any way: not accepted, never a 500
        logger.info("Upload refused as %s: %r", kind, error)
        return Verdict(error=not_checked(kinds))
    scanned = virus.scan(upload)
    if scanned == virus.FOUND:
        logger.warning("Upload refused: ClamAV found a virus")
        return Verdict(error=_("The selected file contains a virus"))
    if scanned == virus.NOT_SCANNED:
        logger.warning("Upload refused: ClamAV could not scan it")
        return Verdict(
            error=_("The selected file could not be checked for viruses. Try again later")
        )
    return Verdict(kind=kind)


def wanted(kinds):
    return {"kinds": described(kinds)}


def not_checked(kinds):
    return _(
        "The selected file could not be checked. Save it again as a %(kinds)s, without "
        "macros or embedded files, and upload it"
    ) % wanted(kinds)
