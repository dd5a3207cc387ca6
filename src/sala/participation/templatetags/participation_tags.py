"""How inputs and articles are named on the input pages."""

from django import template
from django.utils.translation import gettext as _

from sala.laws.models import Article

register = template.Library()


@register.filter
def article_title(article: Article | None) -> str:
    """ "Article 12: Content offences"; no article means the text as a whole."""
    if article is None:
        return _("The text as a whole")
    number = _("Article %(number)s") % {"number": article.number}
    return f"{number}: {article.heading}" if article.heading else number


@register.filter
def given_by(given) -> str:
    """The author's name, or "Anonymous": an anonymous input has no one to name."""
    if given.author_id is None:
        return _("Anonymous")
    name = str(given.author)
    return _("%(name)s (may be named publicly)") % {"name": name} if given.show_author else name


@register.filter
def chapter_title(chapter) -> str:
    number = _("Chapter %(number)s") % {"number": chapter.number} if chapter.number else ""
    return ": ".join(part for part in (number, chapter.heading) if part)
