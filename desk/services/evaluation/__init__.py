"""Mutual evaluation (评价奖惩): monthly ratings between police and grid leaders, the data-driven side
of each criterion, the ranking with an administrator's weights, and the model grids."""
from desk.services.evaluation.ranking import Ranking, ranking
from desk.services.evaluation.rounds import (RoundRow, Subject, choose_model_grid, close_round, my_subjects,
                                             open_round, rate, round_of, set_weights)

__all__ = ["Ranking", "RoundRow", "Subject", "choose_model_grid", "close_round", "my_subjects", "open_round", "rate",
           "ranking", "round_of", "set_weights"]
