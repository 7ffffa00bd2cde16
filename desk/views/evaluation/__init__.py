"""评价奖惩: the monthly mutual evaluation of police and grid leaders."""
from desk.views.evaluation.page import EvaluationPage

__all__ = ["EvaluationPage"]
