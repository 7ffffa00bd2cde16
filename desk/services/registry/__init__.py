"""The basic data registry (issue 14): standard addresses, houses, units, people, special populations
and their visits. Split by job: idcard/phone (validation), people (CRUD, duplicates, merge), search,
visits (due, overdue, findings to the board), import_people (files), rows (what screens get)."""
from desk.services.registry.check import PersonInput
from desk.services.registry.correct import NumberHeldByAnother, correct_id_number
from desk.services.registry.linked import CaseLink, LinkedPerson, department_links, linked_people, linked_person
from desk.services.registry.people import (
    DuplicatePerson, FieldDiff, MergePreview, add_person, edit_person, merge, merge_preview, remove_person, update_person,
)
from desk.services.registry.rows import PersonRow
from desk.services.registry.search import Found, address_nodes, grid_nodes, people_at, person_row, search_people
from desk.services.registry.visits import (
    CareRow, GridVisits, VisitInput, VisitRow, add_care, care_list, grid_visits, record_visit, set_visit_days, visit_to_board, visits_of,
)

REGISTRY_TABLES = ("std_address", "house", "org_unit", "person", "care_level", "special_care", "visit")

__all__ = [
    "CaseLink", "LinkedPerson", "NumberHeldByAnother", "correct_id_number", "department_links", "linked_people",
    "linked_person", "CareRow", "DuplicatePerson", "GridVisits", "grid_visits", "FieldDiff", "Found", "MergePreview", "PersonInput", "PersonRow", "REGISTRY_TABLES",
    "VisitInput", "VisitRow", "add_care", "add_person", "edit_person", "address_nodes", "care_list", "grid_nodes", "merge",
    "merge_preview", "people_at", "person_row", "record_visit", "remove_person", "search_people", "set_visit_days",
    "update_person", "visit_to_board", "visits_of",
]
