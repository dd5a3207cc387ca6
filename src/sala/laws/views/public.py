"""The public law tracker: cheap to serve, no JavaScript, an ETag on every page.

A page's version is read in one query; a visitor who has that version gets 304. The page of
a law is also kept in the shared cache per version and language, so a new visitor usually
costs that one query too. Signed-in visitors, and anyone with a message waiting, get a page
of their own.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.views.generic import ListView, View

from sala.core.pages import public_page

from .. import queries
from ..models import LawStage


class LawListView(ListView):
    """The laws on the public tracker, with their latest stage; `?stage=` keeps one stage."""

    template_name = "laws/law_list.html"
    context_object_name = "laws"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        version = f"{queries.public_laws_version()}?{request.GET.urlencode()}"
        return public_page(
            request, kind="laws", version=version, render=lambda: self.render_page(request, *args, **kwargs)
        )

    def render_page(self, request, *args, **kwargs) -> str:
        return super().get(request, *args, **kwargs).rendered_content

    def stage(self) -> str:
        stage = self.request.GET.get("stage", "")
        return stage if stage in LawStage.Stage.values else ""

    def get_queryset(self):
        return queries.public_laws(self.stage())

    def get_context_data(self, **kwargs):
        return super().get_context_data(stage=self.stage(), stages=LawStage.Stage.choices, **kwargs)


class LawPageView(View):
    """A law's public page: its summary, history, analyses, published drafts and public meetings."""

    def get(self, request, slug):
        law, version = queries.law_version(slug)
        if not request.user.has_perm("laws.view_law", law):
            raise Http404
        return public_page(request, kind="law", version=version, render=lambda: self.render(request, slug))

    @staticmethod
    def render(request, slug: str) -> str:
        return render_to_string("laws/law_page.html", {"page": queries.law_page(slug)}, request=request)


class AnalysisFileView(View):
    """An attached file, sent as a download under a plain name (never shown inline)."""

    def get(self, request, slug, pk):
        analysis = queries.analysis_of(slug, pk)
        if not analysis.file or not request.user.has_perm("laws.view_law", analysis.law):
            raise Http404
        try:
            stored = default_storage.open(analysis.file.name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        extension = analysis.file.name.rsplit(".", 1)[-1]
        return FileResponse(stored, as_attachment=True, filename=f"{slug}-analysis-{analysis.pk}.{extension}")
