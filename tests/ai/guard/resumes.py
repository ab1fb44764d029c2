"""Small master resumes the guard's tests check proposals against (English, German, Spanish)."""

from __future__ import annotations

from typing import Any


def engineer() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Ada Lovelace",
            "label": "Software Engineer",
            "email": "ada@example.com",
            "phone": "+44 20 7946 0958",
            "url": "https://ada.example.com",
            "summary": "Backend engineer with 8 years of experience in Python and PostgreSQL.",
        },
        "work": [
            {
                "name": "Acme Corp",
                "position": "Software Engineer",
                "startDate": "2019-03",
                "endDate": "2023-06",
                "highlights": [
                    "Migrated 12 services to Docker, cutting deploy time by 40%.",
                    "Mentored three junior engineers.",
                    "Built billing APIs handling $1.2M a month.",
                ],
            }
        ],
        "education": [
            {
                "institution": "University of Leeds",
                "studyType": "BSc",
                "area": "Computer Science",
                "endDate": "2018",
            }
        ],
        "skills": [{"name": "Backend", "keywords": ["Python", "PostgreSQL", "Docker", "AWS"]}],
    }


def nurse_de() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Lena Berger",
            "label": "Gesundheits- und Krankenpflegerin",
            "summary": "Pflegefachkraft mit sechs Jahren Erfahrung auf der Intensivstation.",
        },
        "work": [
            {
                "name": "Charité Berlin",
                "position": "Pflegefachkraft",
                "startDate": "2018-04",
                "highlights": [
                    "Betreuung von bis zu vier beatmeten Patienten pro Schicht.",
                    "Einarbeitung von zwölf neuen Kolleginnen und Kollegen.",
                ],
            }
        ],
    }


def sales_es() -> dict[str, Any]:
    return {
        "basics": {
            "name": "Lucía Gómez",
            "label": "Ejecutiva de ventas",
            "summary": "Ejecutiva de ventas con cinco años de experiencia en el sector retail.",
        },
        "work": [
            {
                "name": "Grupo Norte",
                "position": "Ejecutiva de ventas",
                "startDate": "2020-01",
                "highlights": [
                    "Aumenté las ventas de la región un 25 % en 2022.",
                    "Gestioné una cartera de 40 clientes.",
                ],
            }
        ],
        "skills": [{"name": "Ventas", "keywords": ["Salesforce", "negociación"]}],
    }
