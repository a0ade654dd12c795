"""Every write of the improvement cycle: the app's write API. Keyword-only arguments, one
transaction each; vision, goal, theme and settings changes leave an audit entry (who, what,
when, before -> after). The code lives in one module per sub-domain; callers (in and outside
the app) use this package."""

from .development_themes import (
    DECISION_STATUSES,
    add_project,
    appoint_steering_member,
    decide_theme,
    propose_theme,
    remove_steering_member,
    toggle_support,
)
from .goals import (
    GOAL_FIELDS,
    SETTINGS_FIELDS,
    create_goal,
    save_vision,
    settings_for,
    update_goal,
    update_settings,
)
from .team_board import (
    StaleAction,
    add_board_item,
    answer_follow_up,
    board_for,
    close_board_item,
    create_action,
    move_action,
    regenerate_feed_token,
    save_session_notes,
    update_action,
    update_schedule,
)

__all__ = [
    "DECISION_STATUSES",
    "GOAL_FIELDS",
    "SETTINGS_FIELDS",
    "StaleAction",
    "add_board_item",
    "add_project",
    "answer_follow_up",
    "appoint_steering_member",
    "board_for",
    "close_board_item",
    "create_action",
    "create_goal",
    "decide_theme",
    "move_action",
    "propose_theme",
    "regenerate_feed_token",
    "remove_steering_member",
    "save_session_notes",
    "save_vision",
    "settings_for",
    "toggle_support",
    "update_action",
    "update_goal",
    "update_schedule",
    "update_settings",
]
