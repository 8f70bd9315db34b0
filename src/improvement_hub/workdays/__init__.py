"""Pure-Python working-day arithmetic for England and Wales (no Django, no network)."""

from improvement_hub.workdays.holidays import bank_holidays as bank_holidays
from improvement_hub.workdays.holidays import (
    computed_bank_holidays as computed_bank_holidays,
)
from improvement_hub.workdays.holidays import easter_sunday as easter_sunday
from improvement_hub.workdays.working_calendar import CLOSE_OF_BUSINESS as CLOSE_OF_BUSINESS
from improvement_hub.workdays.working_calendar import DEFAULT_CALENDAR as DEFAULT_CALENDAR
from improvement_hub.workdays.working_calendar import MAX_WORKING_DAYS as MAX_WORKING_DAYS
from improvement_hub.workdays.working_calendar import WorkingCalendar as WorkingCalendar
from improvement_hub.workdays.working_calendar import add_working_days as add_working_days
from improvement_hub.workdays.working_calendar import days_left as days_left
from improvement_hub.workdays.working_calendar import due_date as due_date
from improvement_hub.workdays.working_calendar import is_working_day as is_working_day
from improvement_hub.workdays.working_calendar import (
    working_days_between as working_days_between,
)

__all__ = [
    "CLOSE_OF_BUSINESS",
    "DEFAULT_CALENDAR",
    "MAX_WORKING_DAYS",
    "WorkingCalendar",
    "add_working_days",
    "bank_holidays",
    "computed_bank_holidays",
    "days_left",
    "due_date",
    "easter_sunday",
    "is_working_day",
    "working_days_between",
]
