"""The home screen in its view: states shown, retry, the composer keeps a failed draft and
clears after a post."""

from __future__ import annotations

from typing import cast

from pytestqt.qtbot import QtBot

from desktop_app.app import Moderator
from desktop_app.app.screens import HomeScreen, Publisher
from desktop_app.atproto import NetworkError
from desktop_app.bsky import Agent, Author
from desktop_app.ui.screens import HomeBinding, HomeView
from tests.support.app import offline_images
from tests.support.scripted import DID, ScriptedAgent, post
from tests.support.waiting import eventually


def build(qtbot: QtBot, agent: ScriptedAgent) -> tuple[HomeBinding, HomeView]:
    view = HomeView(offline_images())
    qtbot.addWidget(view)
    view.resize(480, 600)
    view.show()
    scripted = cast(Agent, agent)
    screen = HomeScreen(scripted, Moderator(scripted), Publisher(scripted, Author(DID, "me")))
    return HomeBinding(screen, view, navigate=lambda intent: None), view


async def test_first_page_error_then_retry(qtbot: QtBot) -> None:
    agent = ScriptedAgent(5)
    agent.fail = NetworkError("down")
    binding, view = build(qtbot, agent)
    await binding.screen.load_first()
    assert view.list.stack.currentWidget() is not view.list.list
    assert view.list.error_label.text().startswith("Your provider could not be reached")
    agent.fail = None
    view.list.retry_button.click()
    await eventually(lambda: view.list.model.rowCount() == 5, "the retried first page",
                     timeout=5)
    assert view.list.stack.currentWidget() is view.list.list
    await binding.aclose()


async def test_failed_post_keeps_the_draft_and_success_clears_it(qtbot: QtBot) -> None:
    agent = ScriptedAgent(3)
    binding, view = build(qtbot, agent)
    await binding.screen.load_first()
    composer = view.composer
    composer.text_edit.setPlainText("keep me")
    agent.fail = NetworkError("down")
    composer.post_button.click()
    await eventually(lambda: not composer.error_label.isHidden(), "the error", timeout=5)
    assert composer.text_edit.toPlainText() == "keep me"
    agent.fail = None
    composer.post_button.click()
    await eventually(lambda: composer.text_edit.toPlainText() == "", "the cleared composer",
                     timeout=5)
    await eventually(lambda: view.list.model.item(0).post.text == "keep me",
                     "the post on top", timeout=5)
    await binding.aclose()


async def test_new_posts_button_then_show(qtbot: QtBot) -> None:
    agent = ScriptedAgent(5)
    binding, view = build(qtbot, agent)
    await binding.screen.load_first()
    agent.posts[:0] = [post(500), post(501)]
    await binding.home.check_new()
    assert view.list.new_posts_button.text() == "↑ 2 new posts"
    view.list.new_posts_button.click()
    await eventually(lambda: view.list.new_posts_button.isHidden(), "the newer posts shown",
                     timeout=5)
    assert [view.list.model.item(r).post.uri[-3:] for r in (0, 1)] == ["500", "501"]
    await binding.aclose()
