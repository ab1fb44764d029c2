"""Small resumes written for the coach's tests: a nurse, a sales role, German and Spanish ones."""

from __future__ import annotations

from typing import Any


def clean() -> dict[str, Any]:
    """A resume the coach and the spelling checker have nothing to say about."""
    return {
        "basics": {
            "name": "Grace Mbeki",
            "label": "Registered Nurse",
            "email": "grace@example.com",
            "phone": "+1 555 0100",
            "summary": "Registered nurse with 8 years in cardiac and intensive care.",
        },
        "work": [
            {
                "name": "St Mary's Hospital",
                "position": "Charge Nurse",
                "startDate": "2020-02",
                "highlights": [
                    "Lead a team of 12 nurses on a 30-bed cardiac ward",
                    "Cut medication errors by 40% with a double-check routine",
                ],
            },
            {
                "name": "Riverside Clinic",
                "position": "Staff Nurse",
                "startDate": "2016-09",
                "endDate": "2020-01",
                "highlights": ["Triaged 40 patients a day in a busy walk-in clinic"],
            },
        ],
        "skills": [{"name": "Clinical", "keywords": ["Telemetry", "Epic"]}],
    }


def nurse() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Grace Mbeki",
            "email": "grace@example.com",
            "summary": "Hard-working nurse and a true team player. I care for patients.",
        },
        "work": [
            {
                "name": "St Mary's Hospital",
                "position": "Charge Nurse",
                "startDate": "2021-01",
                "endDate": "2023-06",
                "highlights": [
                    "Responsible for the night rota of 14 nurses",
                    "Helped train new staff on the Epic charting system",
                    "Manage discharge planning with social workers",
                    "Cared for patients",
                ],
            },
            {
                "name": "Riverside Clinic",
                "position": "Staff Nurse",
                "startDate": "2018-03",
                "endDate": "2020-01",
                "highlights": ["Triaged 40 patients a day in the walk-in clinic"],
            },
        ],
    }


def sales() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Tom Reyes",
            "label": "Account Executive",
            "email": "tom@example.com",
            "location": {"city": "Austin"},
            "summary": "Results-driven seller who thinks outside the box.",
        },
        "work": [
            {
                "name": "Brightline Software",
                "position": "Account Executive",
                "startDate": "2022-01",
                "highlights": [
                    "Closed $1.2M in new business in 2023 using Salesforce",
                    "Closed the largest deal in company history",
                    "Closed 14 renewals in one quarter, worked on synergy with marketing",
                    (
                        "Prospected into mid-market retail accounts across the region by phone, "
                        "e-mail and LinkedIn, building a pipeline that the whole team later used "
                        "as its template for outreach to new accounts in the south"
                    ),
                ],
            },
            {
                "name": "Copperleaf",
                "position": "Sales Representative",
                "startDate": "2019-05",
                "endDate": "2022-06",
                "highlights": ["Worked on renewals for twenty accounts"],
            },
        ],
    }


def german_nurse() -> dict[str, Any]:
    return {
        "meta": {"language": "de"},
        "basics": {
            "name": "Anna Keller",
            "label": "Gesundheits- und Krankenpflegerin",
            "email": "anna@example.com",
            "phone": "+49 30 1234567",
            "summary": "Hochmotivierte Pflegekraft, echte Teamplayerin. Ich arbeite gern im Team.",
        },
        "work": [
            {
                "name": "Charité",
                "position": "Pflegefachkraft",
                "startDate": "2019-04",
                "highlights": [
                    "Verantwortlich für die Einarbeitung von 6 neuen Kollegen",
                    "Half bei der Umstellung auf die digitale Pflegedokumentation",
                    "Betreute täglich 12 Patienten auf der Statoin",
                ],
            }
        ],
    }


def spanish_sales() -> dict[str, Any]:
    return {
        "meta": {"language": "es"},
        "basics": {
            "name": "Lucía Pérez",
            "label": "Ejecutiva de ventas",
            "email": "lucia@example.com",
            "location": {"city": "Madrid"},
            "summary": "Profesional dinámica y orientada a resultados. Yo gestiono cuentas clave.",
        },
        "work": [
            {
                "name": "Grupo Alba",
                "position": "Ejecutiva de cuentas",
                "startDate": "2020-01",
                "endDate": "2024-03",
                "highlights": [
                    "Responsable de la cartera de 35 clientes en Salesforce",
                    "Ayudé a abrir el mercado portugués",
                    "Cerré contratos por 2 millones con nuevos pacinetes",
                ],
            }
        ],
    }
