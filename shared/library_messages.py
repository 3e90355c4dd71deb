"""Messages that libraries show on our pages but whose own catalogues have no Welsh, Polish,
Romanian or Urdu: crispy-forms-gds's date input names its boxes Day, Month and Year.
Named here so that `make messages` gathers them into our catalogue, which Django reads
before any library's."""

from django.utils.translation import gettext_noop

LIBRARY_MESSAGES = (gettext_noop("Day"), gettext_noop("Month"), gettext_noop("Year"))
