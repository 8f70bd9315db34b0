from django.urls import path

from improvement_hub.ideas import feeds, hub_views, views

app_name = "ideas"

urlpatterns = [
    path("", views.idea_list, name="idea_list"),
    path("feed/", feeds.NewIdeasFeed(), name="idea_feed"),
    path("feed/atom/", feeds.NewIdeasAtomFeed(), name="idea_feed_atom"),
    path("new/", views.idea_form, name="idea_new"),
    path("mine/", views.my_ideas, name="my_ideas"),
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<slug:slug>/feed/", feeds.CampaignIdeasFeed(), name="campaign_feed"),
    # the Hub Team
    path("review/", hub_views.review_queue, name="review_queue"),
    path("matrix/", hub_views.matrix, name="matrix"),
    path("moderation/", hub_views.moderation_queue, name="moderation_queue"),
    path("moderation/<int:report_id>/dismiss/", hub_views.report_dismiss, name="report_dismiss"),
    path("export.csv", hub_views.export, {"file_format": "csv"}, name="export_csv"),
    path("export.xlsx", hub_views.export, {"file_format": "xlsx"}, name="export_xlsx"),
    # one idea
    path("<int:pk>/", views.idea_detail, name="idea_detail_short"),
    path("<int:pk>/edit/", views.idea_form, name="idea_edit"),
    path("<int:pk>/check/", views.idea_check, name="idea_check"),
    path("<int:pk>/submitted/", views.idea_submitted, name="idea_submitted"),
    path("<int:pk>/delete/", views.idea_delete_draft, name="idea_delete_draft"),
    path("<int:pk>/support/", views.idea_support, name="idea_support"),
    path("<int:pk>/follow/", views.idea_follow, name="idea_follow"),
    path("<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("<int:pk>/comments/<int:comment_id>/edit/", views.comment_edit, name="comment_edit"),
    path("<int:pk>/comments/<int:comment_id>/report/", views.report, name="comment_report"),
    path("<int:pk>/comments/<int:comment_id>/hide/", hub_views.comment_hide, name="comment_hide"),
    path("<int:pk>/report/", views.report, name="idea_report"),
    path("<int:pk>/manage/", hub_views.idea_manage, name="idea_manage"),
    path("<int:pk>/respond/", hub_views.idea_respond, name="idea_respond"),
    path("<int:pk>/assess/", hub_views.idea_review, name="idea_review"),
    path("<int:pk>/assign/", hub_views.idea_assign, name="idea_assign"),
    path("<int:pk>/merge/", hub_views.idea_merge, name="idea_merge"),
    path("<int:pk>/hide/", hub_views.idea_hide, name="idea_hide"),
    path("<int:pk>/unhide/", hub_views.idea_unhide, name="idea_unhide"),
    # last, so that the fixed words above are not taken for a slug
    path("<int:pk>/<slug:slug>/", views.idea_detail, name="idea_detail"),
]
