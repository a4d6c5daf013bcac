"""Per-request memo for reads that many parts of one page repeat (e.g. the page view restrictions).

The memo lives exactly as long as one request, so nothing can go stale between requests; outside a
request (commands, tasks) there is no memo and every read goes to the database.
"""

from contextvars import ContextVar

request_memo: ContextVar[dict | None] = ContextVar("imz_request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            request_memo.reset(token)
