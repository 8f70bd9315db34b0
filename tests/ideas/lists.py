"""The ideas a list shows, read the way each client reads it: the API and the CSV export."""

import csv
import io

from django.test import Client
from django.urls import reverse


def api_ids(client: Client, params: dict[str, str]) -> list[int]:
    response = client.get("/api/v1/ideas", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def csv_ids(client: Client, params: dict[str, str]) -> list[int]:
    response = client.get(reverse("ideas:export_csv"), params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Number"
    return [int(row[0]) for row in rows[1:]]
