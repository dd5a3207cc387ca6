"""Who gets into a set of organiser pages, walked the same way for every set.

A subclass (named Test...) gives the `urls` fixture ((method, url, data) for every page; posts
carry what would change something), `secret` (a text of the consultation no outsider may see)
and `state()` (what no outsider may change). Anonymous visitors are sent to log in; a
participant or an organiser of another consultation gets 403 when the consultation is known to
the public (a public meeting), else 404; nothing they send changes anything; the organiser
gets every page.
"""

import pytest

from sala.meetings.models import Meeting


def send(client, method: str, url: str, data: dict | None):
    return getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)


class PermissionWalk:
    secret = ""

    def state(self):
        raise NotImplementedError

    def assert_refused(self, client, urls, statuses: set[int]) -> None:
        before = self.state()
        for method, url, data in urls:
            response = send(client, method, url, data)
            assert response.status_code in statuses, (method, url, response.status_code)
            assert response.get("Content-Type", "").startswith("text/html"), url
            assert self.secret not in response.content.decode(), url
        assert self.state() == before

    def test_anonymous_visitors_are_sent_to_log_in(self, client, urls):
        self.assert_refused(client, urls, {302})
        for method, url, _data in urls:
            assert getattr(client, method)(url).url.startswith("/en/accounts/login/")

    @pytest.mark.parametrize("public", [True, False])
    @pytest.mark.parametrize("who", ["participant", "other_organiser"])
    def test_participants_and_organisers_of_another_consultation_are_refused(
        self, client, consultation, urls, request, who, public
    ):
        if not public:
            Meeting.objects.filter(consultation=consultation).update(visibility=Meeting.Visibility.INVITATION)
        client.force_login(request.getfixturevalue(who))
        self.assert_refused(client, urls, {403} if public else {404})

    def test_the_organiser_gets_every_page(self, organiser_client, urls):
        for method, url, _data in urls:
            if method == "get":
                assert organiser_client.get(url, follow=True).status_code == 200, url
