"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from wagtail import hooks

from .demo import seed_attendance


@hooks.register("register_demo_content")
def demo_attendance():
    return seed_attendance()


# After the schools and accounts, the returns and the self-assessments.
demo_attendance.order = 78
