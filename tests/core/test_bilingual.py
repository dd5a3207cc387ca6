from django.utils import translation

from sala.laws.models import Law


def test_text_shows_in_page_language_and_falls_back_to_the_other():
    law = Law(title_en="Cybercrime Law", title_km="ច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា")
    with translation.override("km"):
        assert law.title == law.title_km
    with translation.override("en"):
        assert law.title == "Cybercrime Law"
    only_english = Law(title_en="Law on Trade Unions")
    with translation.override("km"):
        assert only_english.title == "Law on Trade Unions"
    only_khmer = Law(title_km="ច្បាប់ស្តីពីសហជីព")
    with translation.override("en"):
        assert only_khmer.title == "ច្បាប់ស្តីពីសហជីព"
