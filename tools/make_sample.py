"""Write ``resources/sample/tiktok-sample.zip``: a synthetic, rich TikTok v3 JSON export.

Deterministic (seeded, fixed zip timestamps): running it twice gives the same bytes. Every value
is invented: documentation IP ranges (192.0.2.x, 198.51.100.x, 2001:db8::), ``example.invalid``
addresses, 555 phone numbers, fake 19-digit video ids. The GUI's "Try with sample data" and
``plainview self-test`` import it.

    python tools/make_sample.py [OUT.zip]
"""

from __future__ import annotations

import json
import random
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "resources" / "sample" / "tiktok-sample.zip"
END = datetime(2026, 3, 1, 21, 30, tzinfo=UTC)
START = END - timedelta(days=150)
ZIP_TIME = (2026, 3, 2, 9, 0, 0)

TOPICS = ["sourdough", "bike repair", "ramen", "cat videos", "study with me", "hiking", "k-pop"]
COMPANIES = [
    "shop.example.invalid",
    "travel.example.invalid",
    "bank.example.invalid",
    "games.example.invalid",
    "news.example.invalid",
]
DEVICES = [
    ("Pixel 7", "Android 14"),
    ("iPhone15,2", "iOS 18.2"),
    ("SM-S911B", "Android 15"),
]
IPS = [
    "192.0.2.10",
    "192.0.2.44",
    "198.51.100.7",
    "198.51.100.23",
    "198.51.100.200",
    "2001:db8::1",
    "2001:db8::a1",
    "192.0.2.199",
]
FRIENDS = ["mila.example", "jonas.example", "sam.example"]


def _fmt(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def _times(rng: random.Random, n: int) -> list[datetime]:
    span = int((END - START).total_seconds())
    return sorted((START + timedelta(seconds=rng.randrange(span)) for _ in range(n)), reverse=True)


def _vid(rng: random.Random) -> str:
    return (
        f"https://www.tiktokv.com/share/video/{7_100_000_000_000_000_000 + rng.randrange(10**12)}/"
    )


def build() -> dict[str, Any]:
    rng = random.Random(2026)  # noqa: S311 - synthetic data, not security
    watch = [{"Date": _fmt(t), "Link": _vid(rng), "Title": ""} for t in _times(rng, 320)]
    likes = [{"date": _fmt(t), "link": _vid(rng)} for t in _times(rng, 60)]
    favs = [{"Date": _fmt(t), "Link": _vid(rng)} for t in _times(rng, 12)]
    searches = [{"Date": _fmt(t), "SearchTerm": rng.choice(TOPICS)} for t in _times(rng, 35)]
    logins = []
    for t in _times(rng, 40):
        model, system = rng.choice(DEVICES)
        logins.append(
            {
                "Date": _fmt(t),
                "IP": rng.choice(IPS),
                "DeviceModel": model,
                "DeviceSystem": system,
                "NetworkType": rng.choice(["Wi-Fi", "4G", "5G"]),
                "Carrier": rng.choice(["", "ExampleTel"]),
            }
        )
    chats: dict[str, Any] = {}
    for friend in FRIENDS:
        msgs = []
        for i, t in enumerate(_times(rng, 8)):
            msgs.append(
                {
                    "Date": _fmt(t),
                    "From": friend if i % 2 else "sample.user",
                    "Content": rng.choice(
                        ["did you see this?", "haha", "send me the recipe", "tomorrow?"]
                    ),
                }
            )
        chats[f"Chat History with {friend}:"] = msgs
    comments = [
        {
            "date": _fmt(t) + " UTC",
            "comment": rng.choice(["so good", "need to try this", "ha!", "where is this?"]),
            "photo": "",
            "video": "",
            "sticker": "",
            "originalPostUrl": _vid(rng),
            "original post link": "",
        }
        for t in _times(rng, 15)
    ]
    off = [
        {
            "TimeStamp": _fmt(t),
            "Source": rng.choice(COMPANIES),
            "Event": rng.choice(["Purchase", "Add to cart", "Customer file upload", "Search"]),
        }
        for t in _times(rng, 24)
    ]
    ads = [
        {
            "CreateTime": _fmt(t),
            "AdTitle": f"Example ad {i}",
            "AdLink": f"https://ads.example.invalid/c?id={i}",
        }
        for i, t in enumerate(_times(rng, 6))
    ]
    following = [
        {"Date": _fmt(t), "UserName": f"creator{i}.example"} for i, t in enumerate(_times(rng, 18))
    ]
    followers = [
        {"Date": _fmt(t), "UserName": f"fan{i}.example"} for i, t in enumerate(_times(rng, 9))
    ]
    return {
        "Comment": {"Comments": {"App": 1233, "CommentsList": comments}},
        "Direct Message": {
            "Direct Messages": {"ChatHistory": chats},
            "Group Chat": {"GroupChat": {}},
            "Tako Chat History": {"TakoChatHistoryList": None},
        },
        "Income+ Wallet": {
            "Coin Purchase History": {"CoinPurchaseHistoryList": None},
            "Transaction History": {"TransactionsList": None},
        },
        "Likes and Favorites": {
            "Like List": {"App": 1233, "ItemFavoriteList": likes},
            "Favorite Videos": {"App": 1233, "FavoriteVideoList": favs},
            "Favorite Comment": {"FavoriteCommentList": []},
        },
        "Location Review": {"Location Reviews": {"ReviewsList": None}},
        "Post": {"Posts": {"VideoList": None}, "Recently Deleted Posts": {"PostList": []}},
        "Profile And Settings": {
            "Follower": {"App": 1233, "IsFastLane": False, "FansList": followers},
            "Following": {"App": 1233, "IsFastLane": False, "Following": following},
            "Block List": {"App": 1233, "BlockList": None},
            "Off TikTok Activity": {"OffTikTokActivityDataList": off},
            "Profile Info": {
                "App": 1233,
                "ProfileMap": {
                    "userName": "sample.user",
                    "displayName": "Sample User",
                    "accountRegion": "NL",
                    "birthDate": "01-Jan-2000",
                    "emailAddress": "sample@example.invalid",
                    "telephoneNumber": "+1 555 0100",
                    "inferredGender": "None",
                    "bioDescription": "Synthetic sample account",
                    "followerCount": len(followers),
                    "followingCount": len(following),
                    "likesReceived": "None",
                    "PlatformInfo": [],
                },
            },
            "Autofill": {
                "PhoneNumber": "+1 555 0100",
                "Email": "sample@example.invalid",
                "FirstName": "Sample",
                "LastName": "User",
                "Address": "N/A",
                "ZipCode": "N/A",
                "Unit": "N/A",
                "City": "N/A",
                "State": "N/A",
                "Country": "NL",
            },
            "Settings": {
                "App": 1233,
                "SettingsMap": {
                    "App Language": "English",
                    "Private Account": "Off",
                    "Personalized Ads": "On",
                    "Interests": "Food|Travel|Pets",
                    "Content Preferences": {"Keyword filters for videos in For You feed": []},
                    "Who can see your following list::": "Only me",
                },
            },
        },
        "TikTok Live": {"Watch Live History": {"WatchLiveMap": {}}},
        "TikTok Shop": {"Order History": {"OrderHistories": None}},
        "Your Activity": {
            "Watch History": {"VideoList": watch},
            "Searches": {"SearchList": searches},
            "Share History": {"ShareHistoryList": []},
            "Login History": {"LoginHistoryList": logins},
            "Status": {
                "Status List": [
                    {
                        "Resolution": "1080x2400",
                        "App Version": "40.1.0",
                        "IDFA": "",
                        "GAID": "00000000-0000-4000-8000-000000000001",
                        "Android ID": "0000000000000001",
                        "IDFV": "",
                        "UID": 1,
                        "DID": "7000000000000000001",
                        "Web ID": "",
                    }
                ]
            },
            "Ads Visit History": {"AdsVisitHistoryList": ads},
            "Ad Interests": {"AdInterestCategories": ""},
            "Off TikTok Activity": {"OffTikTokActivityDataList": [dict(x) for x in off]},
            "Activity Summary": {
                "ActivitySummaryMap": {
                    "note": "",
                    "videosWatchedToTheEndSinceAccountRegistration": 1234,
                    "videosCommentedOnSinceAccountRegistration": 15,
                    "videosSharedSinceAccountRegistration": 4,
                }
            },
            "Reposts": {"RepostList": None},
            "Purchases": {"SendGifts": {"SendGifts": None}, "BuyGifts": {"BuyGifts": None}},
        },
    }


def write(out: Path) -> Path:
    data = json.dumps(build(), ensure_ascii=False, indent=2).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    info = zipfile.ZipInfo("user_data_tiktok.json", date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(info, data, compresslevel=9)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    path = write(target)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
