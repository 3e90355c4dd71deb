"""Pages for schools (signed in): their attendance figures and governors' report
(school.py), their targeting support meetings and agreed actions (meetings.py)."""
