from django.urls import path

from .views import exports, materials, public

app_name = "meetings"
urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("meetings/<slug:slug>/", public.MeetingPageView.as_view(), name="public"),
    path("meetings/<slug:slug>/agenda.pdf", exports.agenda_pdf, name="agenda_pdf"),
    path("f/<str:token>/", public.FacilitatorAnswerView.as_view(), name="facilitator_answer"),
    # materials
    path(
        "meetings/<slug:slug>/materials/<int:pk>/<str:name>",
        materials.MaterialView.as_view(),
        name="material",
    ),
    path(
        "f/<str:token>/materials/",
        materials.FacilitatorMaterialAddView.as_view(),
        name="facilitator_material_add",
    ),
    path(
        "f/<str:token>/materials/<int:pk>/remove/",
        materials.FacilitatorMaterialRemoveView.as_view(),
        name="facilitator_material_remove",
    ),
    path(
        "f/<str:token>/materials/<int:pk>/<str:name>",
        materials.FacilitatorMaterialView.as_view(),
        name="facilitator_material",
    ),
]
