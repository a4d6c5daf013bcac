"""HTTP node that speaks plain application/json.

The 8.x client sends ``application/vnd.elasticsearch+json; compatible-with=8``; the embedded
osmem-server answers that with 406, while real Elasticsearch accepts plain JSON as well.
"""

from elastic_transport import Urllib3HttpNode

_PLAIN = "application/json"


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers and "vnd.elasticsearch" in str(headers[name]):
                    headers[name] = _PLAIN
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
