"""What the shared layer gives every screen of the admin: the stylesheet of its parts
(the table scroll region of shared/templatetags/tables.py), and the script that starts
Wagtail's widgets without inline scripts (shared/static/shared/admin-init.js)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("shared/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_init_js():
    return format_html('<script src="{}"></script>', static("shared/admin-init.js"))
