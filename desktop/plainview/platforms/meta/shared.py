"""What Instagram and Facebook share besides the parser: field rules for redaction, column
helpers, the policy regions of Meta's one Privacy Policy (meta-privacy-facts.md section 0),
and the layout folders both use.
"""

from __future__ import annotations

from typing import Final

from plainview.platforms.base import Column, FieldRules, PolicyRegion
from plainview.regions import EEA_MEMBERS

# Field names in the languages of the format notes (English, French, German, Dutch, Korean,
# Spanish, Italian, Portuguese). ``value`` is not listed: its meaning is its label's.
META_FIELDS: Final = FieldRules.of(
    names=(
        "Name | Nom | Naam | 이름 | Nombre | Nome | sender_name | sender | Author | Auteur | "
        "Autor | 작성자 | full_name | actor | participants | advertiser_name | Owner | "
        "Nom de profil | contact"
    ),
    ids=(
        "Username | User Name | Nom d’utilisateur | Benutzername | Gebruikersnaam | "
        "사용자 이름 | username | fbid | id | user_app_scoped_id | uid | Cookie Name | "
        "Cookie name | thread_path | thread_v2_id"
    ),
    free_text=(
        "content | comment | text | share_text | Search | Recherche | Suche | 검색 | Zoeken | "
        "Bio | Biographie | description | post | title | caption | note | Email | emails | "
        "previous_emails | Adresse e-mail | E-Mail-Adresse | E-mailadres | 이메일 | "
        "Phone Number | Numéro de téléphone | Telefonnummer | Telefoonnummer | 전화번호 | "
        "Date of birth | Date de naissance | Geburtsdatum | birthday | Gender | Genre | "
        "Geschlecht | pronoun | reaction | magic_words | data"
    ),
    ips=(
        "IP Address | Adresse IP | IP-Adresse | IP-adres | IP 주소 | Dirección IP | "
        "Indirizzo IP | Endereço IP | ip_address | ip | upload_ip | Login IP"
    ),
    places=(
        "location | city | region | country | place | coordinate | coordinates | latitude | "
        "longitude | address | hometown | City Name | Nom de la ville | Imprecise Latitude | "
        "Imprecise Longitude | Precise Latitude | Precise Longitude | Latitude imprécise | "
        "Longitude imprécise | Breitengrad | Längengrad | timezone | current_city"
    ),
    times=(
        "timestamp | timestamp_ms | timestamp_value | creation_timestamp | created_timestamp | "
        "start_timestamp | added_timestamp | removed_timestamp | registration_timestamp | "
        "verification_time | taken_timestamp | update_timestamp | updated_timestamp | "
        "taken_at | created_at | time | date | Time | Heure | Zeit | Uhrzeit | Tijd | 시간 | "
        "Last Login | GPS Time Uploaded | Received on"
    ),
    links=(
        "href | uri | url | link | URL | Website | websites | Website link | path | "
        "profile_pic_url | image_uri"
    ),
)

TIME: Final = Column("Date")


def col(header: str, *keys: str) -> Column:
    return Column(header, keys)


IP: Final = col(
    "IP address",
    "string_map_data.IP Address.value",
    "string_map_data.Adresse IP.value",
    "string_map_data.IP-Adresse.value",
    "string_map_data.IP 주소.value",
    "ip_address",
    "ip",
    "label:IP Address",
)
USER_AGENT: Final = col(
    "Device", "string_map_data.User Agent.value", "user_agent", "device", "label:User Agent"
)
SENDER: Final = col("From", "sender_name", "sender", "title")
CONTENT: Final = col("Content", "content", "text", "share.link", "label_values")
ACCOUNT: Final = col(
    "Account", "string_list_data.value", "title", "name", "label:Username", "label:Name"
)
TITLE: Final = col("What", "title", "name", "label_values")
WHERE: Final = col("Where in the export", "<source>")
EVERYTHING: Final = col("Content", "*")
MEDIA_PATH: Final = col("File", "path")
MEDIA_TYPE: Final = col("Type", "type")
MEDIA_SIZE: Final = col("Size", "size")

# Member countries of the EEA (EU 27 plus Iceland, Liechtenstein, Norway).
EEA: Final = EEA_MEMBERS

META_REGIONS: Final = (
    PolicyRegion(
        "eea",
        "Meta Privacy Policy (EEA version)",
        "16 December 2025",
        "Meta Platforms Ireland Limited",
        EEA,
    ),
    PolicyRegion(
        "us",
        "Meta Privacy Policy (US version)",
        "23 July 2026",
        "Meta Platforms, Inc.",
        frozenset({"US"}),
    ),
    PolicyRegion(
        "row",
        "Meta Privacy Policy (outside the EEA and the US)",
        "23 July 2026",
        "Meta Platforms, Inc.",
    ),
)

# Top folders both platforms use (2023+); never stripped as wrappers, never decisive alone.
SHARED_ROOTS: Final = frozenset(
    {
        "ads_information",
        "logged_information",
        "personal_information",
        "security_and_login_information",
        "connections",
        "preferences",
        "messages",
        "media",
    }
)


def format_of(paths: list[str]) -> str:
    """``json`` or ``html``: whichever kind of page the export holds more of."""
    n_json = sum(1 for p in paths if p.endswith(".json"))
    n_html = sum(1 for p in paths if p.endswith((".html", ".htm")))
    return "html" if n_html > n_json else "json"


def tops(paths: list[str]) -> set[str]:
    return {p.split("/", 1)[0] for p in paths if "/" in p}
