"""Open calls (``call``) and the calls index with its routes (``index``)."""

from .call import (
    CallAlertDelivery,
    CallAlertSubscription,
    CallDocument,
    CallKind,
    CallPage,
)
from .index import CallIndexPage

__all__ = [
    "CallAlertDelivery",
    "CallAlertSubscription",
    "CallDocument",
    "CallIndexPage",
    "CallKind",
    "CallPage",
]
