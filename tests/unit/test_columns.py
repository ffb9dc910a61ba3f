"""The per-category table data (resources/tables/tiktok.toml): every TikTok category has a
table, every field a label in English and Chinese, ids are explained, and raw keys such as
``bioDescription``, ``DID`` or ``GAID`` never reach the user."""

from __future__ import annotations

from plainview.columns import humanize, load_tables, norm_key
from plainview.model import TIKTOK_CATEGORIES


def test_every_category_has_a_table_and_every_field_both_languages():
    tables = load_tables("tiktok")
    assert set(TIKTOK_CATEGORIES) <= set(tables.tables)
    for fdef in tables.fields.values():
        assert fdef.labels.get("en") and fdef.labels.get("zh_CN"), fdef.id
        assert set(fdef.tips) in (set(), {"en", "zh_CN"}), fdef.id
        assert set(fdef.units) in (set(), {"en", "zh_CN"}), fdef.id


def test_ids_get_human_names_and_an_explanation():
    tables = load_tables("tiktok")
    for key in ("GAID", "IDFA", "IDFV", "Android ID", "Web ID", "DID", "UID", "IP"):
        fdef = tables.field_for("tiktok.devices", key) or tables.field_for("tiktok.logins", key)
        assert fdef is not None, key
        assert norm_key(key) not in norm_key(fdef.label("en")) or " " in fdef.label("en")
        assert fdef.tip("en") and fdef.tip("zh_CN"), key
    assert tables.label_for("tiktok.profile", "bioDescription") == "Bio"
    assert tables.label_for("tiktok.profile", "bioDescription", "zh_CN") == "个人简介"
    assert tables.label_for("tiktok.location_reviews", "Rating") == "Rating (stars)"
    assert tables.label_for("tiktok.location_reviews", "Rating", "zh_CN") == "评分（星）"


def test_a_message_is_found_under_every_key_an_export_uses():
    tables = load_tables("tiktok")
    for key in ("Content", "content", "comment", "Comment"):
        fdef = tables.field_for("tiktok.direct_messages", key)
        assert fdef is not None and fdef.id == "message", key
    # in comments, "comment" stays the comment
    assert tables.field_for("tiktok.comments", "comment").id == "comment"


def test_unknown_keys_read_as_words():
    assert humanize("videosWatchedToTheEnd") == "Videos watched to the end"
    assert humanize("order_status") == "Order status"
    assert humanize("Who can see your following list::") == "Who can see your following list"
    assert humanize("UID") == "UID"
    assert load_tables("no-such-platform!").tables == {}
