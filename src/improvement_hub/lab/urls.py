from django.urls import path

from improvement_hub.lab import feeds, hub_views, views

app_name = "lab"

urlpatterns = [
    path("", views.lab_home, name="lab_home"),
    path("refer/", views.refer_start, name="refer_start"),
    path("refer/check/", views.refer_check, name="refer_check"),
    path("refer/sent/", views.refer_done, name="refer_done"),
    path("refer/clear/", views.refer_clear, name="refer_clear"),
    path("refer/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("refer/<slug:step>/", views.refer_step, name="refer_step"),
    path("my-referrals/", views.my_referrals, name="my_referrals"),
    path("track/<str:reference>/", views.track, name="track"),
    path("track/<str:reference>/withdraw/", views.track_withdraw, name="track_withdraw"),
    path("track/<str:reference>/my-data.json", views.track_data, name="track_data"),
    path("challenges/", views.challenge_list, name="challenge_list"),
    path("challenges/feed/", feeds.ChallengeFeed(), name="challenge_feed"),
    path("challenges/feed/atom/", feeds.ChallengeAtomFeed(), name="challenge_feed_atom"),
    path("challenges/<slug:slug>/", views.challenge_detail, name="challenge_detail"),
    path("plan/", views.plan, name="plan"),
    path("methods/", views.methods, name="methods"),
    path("labs/", views.peer_labs, name="peer_labs"),
    # the Hub Team
    path("triage/", hub_views.inbox, name="triage_inbox"),
    path("triage/<str:reference>/", hub_views.referral_detail, name="triage_referral"),
    path("triage/<str:reference>/contact/", hub_views.referral_contact, name="triage_contact"),
    path("triage/<str:reference>/decide/", hub_views.referral_decide, name="triage_decide"),
    path("triage/<str:reference>/assign/", hub_views.referral_assign, name="triage_assign"),
    path("triage/<str:reference>/tags/", hub_views.referral_tags, name="triage_tags"),
    path(
        "triage/<str:reference>/evidence/<int:evidence_id>/",
        hub_views.evidence_download,
        name="triage_evidence",
    ),
]

# Open sessions into referrals (issue 12; the event lives in the spaces app)
from improvement_hub.lab import event_views  # noqa: E402

urlpatterns += [
    path("events/<slug:slug>/referrals/", event_views.event_referrals, name="event_referrals"),
]

# A challenge moving on tells those who came to its events (issue 12)
from improvement_hub.lab import challenge_views  # noqa: E402

urlpatterns += [
    path("challenges/<slug:slug>/stage/", challenge_views.challenge_stage, name="challenge_stage"),
]
