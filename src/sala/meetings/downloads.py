"""Sending a material: from Django's storage (any backend), never straight from MEDIA_URL.

Every way in (the public page, a facilitator's link, a participant's link) checks access
itself, then answers with `material_response`: the type detected at upload, shown in the
page only for PDFs and images, with the name it was uploaded with, never sniffed by the
browser, and kept only in the visitor's own cache.
"""

from django.http import FileResponse, Http404

from sala.core.filetypes import BY_CONTENT_TYPE

from .models import Material

CACHE_CONTROL = "private, max-age=3600"  # a material never changes: a new upload is a new one


def material_response(material: Material) -> FileResponse:
    try:
        stored = material.file.storage.open(material.file.name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    file_type = BY_CONTENT_TYPE.get(material.content_type)
    response = FileResponse(
        stored,
        as_attachment=not (file_type and file_type.inline),
        filename=material.filename,
        content_type=material.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = CACHE_CONTROL
    return response
