"""Base predicates shared by every app."""

import rules

is_staff = rules.is_staff
is_authenticated = rules.is_authenticated
