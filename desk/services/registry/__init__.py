"""The basic data registry (issue 14): standard addresses, houses, units, people, special populations
and their visits. Split by job: idcard/phone (validation), people (CRUD, duplicates, merge), search,
visits (due, overdue, findings to the board), import_people (files), rows (what screens get)."""
