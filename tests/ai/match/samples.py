"""Small resumes and job adverts written for these tests: a nurse, a salesperson, in English,
German and Spanish."""

from __future__ import annotations

from typing import Any

NURSE_JOB = """Registered Nurse – Intensive Care Unit
We are looking for a registered nurse to join our ICU team.
Responsibilities:
- Provide patient care to critically ill patients
- Wound care, triage and medication administration
- Document care in electronic health records (Epic)
Requirements:
- Current BLS certification
- 2 years of ICU nursing experience
Nice to have:
- ACLS certification
"""

NURSE: dict[str, Any] = {
    "basics": {
        "name": "Ada Moreau",
        "email": "ada@example.com",
        "label": "Registered Nurse",
        "summary": "ICU nurse with six years on a cardiac intensive care unit.",
    },
    "work": [
        {
            "name": "St Mary's Hospital",
            "position": "Staff Nurse, ICU",
            "highlights": [
                "Provided patient care for up to three critically ill patients per shift",
                "Managed wound care and triage for post-operative patients",
                "Documented assessments in Epic",
            ],
        }
    ],
    "certificates": [{"name": "BLS"}],
    "skills": [{"name": "Clinical", "keywords": ["Medication administration"]}],
}

SALES_JOB = """Account Executive (B2B SaaS)
You will own the full sales cycle for mid-market accounts.
- Prospecting and cold calling to build pipeline
- You must manage deals in Salesforce and keep the CRM up to date
- Negotiate contracts and close new business
- Must have 3+ years of B2B sales experience
"""

SALES: dict[str, Any] = {
    "basics": {"name": "Sam Okafor", "summary": "B2B sales rep who closes mid-market deals."},
    "work": [
        {
            "name": "Brightline",
            "position": "Sales Development Representative",
            "highlights": [
                "Booked 40 meetings a month through cold calling and prospecting",
                "Negotiated and closed contracts worth 1.2M in new business",
                "Kept every deal current in HubSpot",
            ],
        }
    ],
}

PFLEGE_JOB = """Pflegefachkraft (m/w/d) Intensivstation
Ihre Aufgaben:
- Grundpflege und Behandlungspflege unserer Patientinnen und Patienten
- Wundversorgung und Medikamentengabe
- Pflegedokumentation
Ihr Profil:
- Abgeschlossene Ausbildung als Pflegefachkraft zwingend erforderlich
- Teamfähigkeit und Belastbarkeit
"""

PFLEGE: dict[str, Any] = {
    "basics": {"name": "Jana Wolf", "summary": "Pflegefachkraft mit fünf Jahren Erfahrung."},
    "work": [
        {
            "name": "Klinikum Nord",
            "position": "Pflegefachkraft",
            "highlights": [
                "Grundpflege und Behandlungspflege von bis zu acht Patienten",
                "Wundversorgung nach ärztlicher Anordnung",
            ],
        }
    ],
    "education": [{"institution": "Pflegeschule Nord", "area": "Ausbildung Pflegefachkraft"}],
}

VENTAS_JOB = """Comercial de ventas (B2B)
Buscamos un comercial con experiencia en ventas para ampliar nuestra cartera de clientes.
Funciones:
- Prospección y captación de clientes
- Llamadas en frío y seguimiento de ofertas
- Atención al cliente y negociación de contratos
Requisitos:
- Imprescindible carnet de conducir
- Manejo de CRM (Salesforce)
"""

VENTAS: dict[str, Any] = {
    "basics": {"name": "Lucía Pérez", "summary": "Comercial con cinco años en venta directa."},
    "work": [
        {
            "name": "Distribuciones Sur",
            "position": "Comercial",
            "highlights": [
                "Captación de clientes nuevos mediante llamadas en frío",
                "Negociación de contratos anuales con la cartera de clientes",
            ],
        }
    ],
    "skills": [{"name": "Herramientas", "keywords": ["Salesforce", "Excel"]}],
}
