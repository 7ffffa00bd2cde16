"""The registry page (基础信息): browser community → grid → address, people and special populations,
person cards with their visits, the visit form."""
from desk.views.registry.linked_page import LinkedPeoplePage
from desk.views.registry.page import RegistryPage

__all__ = ["LinkedPeoplePage", "RegistryPage"]
