"""The shared CSV/XLSX downloads (core.spreadsheets)."""

from io import BytesIO

from openpyxl import load_workbook

from improvement_hub.core.spreadsheets import xlsx_response


def test_a_sheet_named_with_characters_excel_refuses_still_downloads():
    response = xlsx_response(
        filename="funnel.xlsx",
        sheet="Ideas: submitted [answered] / taken forward? *all* \\ the long title",
        headers=["Step", "Number"],
        rows=[["=HYPERLINK(1)", 3]],
    )
    workbook = load_workbook(BytesIO(response.content))
    (name,) = workbook.sheetnames
    assert name == "Ideas submitted answered taken"
    assert len(name) <= 31
    assert workbook.active["A2"].value == "'=HYPERLINK(1)"
