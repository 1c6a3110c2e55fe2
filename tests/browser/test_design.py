"""Design checks on a phone, with the lived-in demo couple: no sideways scrolling at 320 px,
no serious accessibility problems in light and dark (and Spanish), touch targets of 44 px,
and a keyboard-only journey. Saves screenshots of the main pages to docs/screenshots/."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from nearer.accounts.models import User
from nearer.library.loader import load_library
from nearer.testing import PASSWORD
from tests.browser.test_couple_journey import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}

PUBLIC = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/offline/",
          "/safety/"]  # fmt: skip
MAIN = ["/today/", "/question/", "/notes/", "/appreciations/", "/talk/", "/check-in/",
        "/state-of-us/", "/library/", "/plan/", "/timeline/", "/couple/", "/settings/",
        "/settings/data/", "/settings/security/", "/accounts/sessions/", "/accounts/2fa/",
        "/accounts/password/change/"]  # fmt: skip


@pytest.fixture
def demo(site):
    load_library(settings.NEARER_CONTENT_DIR)
    call_command("seed_demo", stdout=StringIO())
    for user in User.objects.all():
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    return site


def phone(browser, site, email=None, **options):
    context = browser.new_context(viewport=PHONE, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    if email:
        page.goto(site + "/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/today/")
    return context, page


def test_no_page_scrolls_sideways_at_320px(browser, demo):
    context, page = phone(browser, demo, "alex@example.com")
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = {}
    for path in MAIN + PUBLIC:
        page.goto(demo + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    context.close()
    assert too_wide == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_are_accessible_in_light_and_dark(browser, demo, scheme):
    context, page = phone(browser, demo, "alex@example.com", color_scheme=scheme)
    for path in MAIN + ["/notes/", "/offline/"]:
        page.goto(demo + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    context.close()
    context, page = phone(browser, demo, color_scheme=scheme)
    for path in PUBLIC:
        page.goto(demo + path)
        assert_accessible(page)
    context.close()


def test_pages_are_accessible_in_spanish(browser, demo):
    User.objects.filter(email="alex@example.com").update(language="es")
    context, page = phone(browser, demo)
    page.goto(demo + "/accounts/login/")
    page.locator("footer").get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_url("**/accounts/login/")
    page.get_by_label("Correo electrónico").fill("alex@example.com")
    page.get_by_label("Contraseña", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url("**/today/")
    for path in MAIN + PUBLIC:
        page.goto(demo + path)
        assert page.locator("html").get_attribute("lang") == "es", path
        assert_accessible(page)
    context.close()


# Everything a finger is meant to hit, except links inside running text.
TARGETS = """() => {
  const selector = 'button, .button, select, textarea, nav a, .site-footer a, .quick-exit, .brand,'
    + ' input:not([type=hidden]):not([type=radio]):not([type=checkbox]),'
    + ' label:has(input[type=radio]), label:has(input[type=checkbox]),'
    + ' .field.checkbox label';
  return [...document.querySelectorAll(selector)]
    .filter(el => el.offsetParent !== null && !el.closest('[hidden]'))
    .map(el => { const r = el.getBoundingClientRect();
      return {what: el.outerHTML.slice(0, 90), w: r.width, h: r.height,
              link: el.classList.contains('link')}; })
    .filter(t => t.h < 44 || (!t.link && t.w < 44));
}"""


def test_touch_targets_are_at_least_44px(browser, demo):
    context, page = phone(browser, demo, "alex@example.com")
    small = {}
    for path in MAIN + ["/notes/"]:
        page.goto(demo + path)
        found = page.evaluate(TARGETS)
        if found:
            small[path] = found
    context.close()
    context, page = phone(browser, demo)
    for path in PUBLIC:
        page.goto(demo + path)
        found = page.evaluate(TARGETS)
        if found:
            small[path] = found
    context.close()
    assert small == {}


def test_check_in_is_one_tap_per_row_and_works_without_javascript(browser, demo):
    context, page = phone(browser, demo, "alex@example.com", java_script_enabled=False)
    page.goto(demo + "/check-in/")
    rows = page.locator(".field.scale fieldset > div")
    assert rows.count() == 2
    boxes = [rows.nth(0).locator("label").nth(i).bounding_box() for i in range(5)]
    assert len({round(box["y"]) for box in boxes}) == 1  # five side by side
    assert all(box["height"] >= 44 and box["width"] >= 44 for box in boxes)
    page.locator(".field.scale").nth(0).get_by_text("4", exact=True).click()
    page.locator(".field.scale").nth(1).get_by_text("5", exact=True).click()
    page.get_by_role("button", name="Save").click()
    assert page.locator(".error-summary").count() == 0
    context.close()


def tab_to(page, name, limit=80):
    """Press Tab until the focused element's label or text contains name."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " const l = e.labels && e.labels[0] ? e.labels[0].innerText : '';"
            " return (l + ' ' + (e.innerText || '') + ' ' + (e.value || '')).trim(); }"
        )
        if name.lower() in focused.lower():
            return
    raise AssertionError(f"could not reach {name!r} with the Tab key")


def test_keyboard_only_signup_onboarding_and_question(browser, demo):
    context, page = phone(browser, demo)
    page.goto(demo + "/accounts/signup/")
    tab_to(page, "Your name")
    page.keyboard.type("Kai")
    tab_to(page, "Email")
    page.keyboard.type("kai@example.com")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    tab_to(page, "The same password again")
    page.keyboard.type(PASSWORD)
    tab_to(page, "Make my account")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The address is confirmed first; in development the email waits in the outbox.
    tab_to(page, "Read it in the development outbox")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "confirm-email")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "Confirm")
    page.keyboard.press("Enter")
    page.wait_for_url("**/start/")
    tab_to(page, "Long distance")
    page.keyboard.press("Space")
    tab_to(page, "Make my plan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/safety/check/")
    tab_to(page, "Save, just for me")
    page.keyboard.press("Enter")
    page.wait_for_url("**/today/")
    page.goto(demo + "/question/")
    tab_to(page, "Your answer")
    page.keyboard.type("Answered without a mouse")
    tab_to(page, "Save my answer")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Answered without a mouse")).to_be_visible()
    context.close()


SHOTS = {"today": "/today/", "question": "/question/", "notes": "/notes/",
         "check-in": "/check-in/", "talk": "/talk/", "plan": "/plan/", "timeline": "/timeline/",
         "settings": "/settings/"}  # fmt: skip


def test_screenshots_of_the_main_pages(browser, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, page = phone(browser, demo)
    page.goto(demo + "/")
    page.screenshot(path=SCREENSHOTS / "landing.png", full_page=True)
    context.close()
    for scheme in ("light", "dark"):
        context, page = phone(browser, demo, "alex@example.com", color_scheme=scheme)
        for name, path in SHOTS.items():
            page.goto(demo + path)
            suffix = "" if scheme == "light" else "-dark"
            page.screenshot(path=SCREENSHOTS / f"{name}{suffix}.png")
        context.close()
    context, page = phone(browser, demo, "alex@example.com")
    page.goto(demo + "/question/")
    page.get_by_label("Your answer").fill("Good question. I'll tell you the long version tonight.")
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_role("heading", name="You have both answered")).to_be_visible()
    page.goto(demo + "/question/")  # without the "saved" message
    page.screenshot(path=SCREENSHOTS / "question-revealed.png")
    context.close()
    assert (SCREENSHOTS / "today.png").stat().st_size > 10_000


# Text resized to 200% (WCAG 1.4.4): the root font size doubles, so every rem-sized text,
# padding and gap grows while the viewport stays the same. Nothing may scroll sideways, no
# box that hides its overflow may cut text off, and every control stays on screen and
# uncovered (the element at its first line's centre is the control, its label or inside it).
ZOOMED = """() => {
  document.documentElement.style.fontSize = '200%';
  const root = document.documentElement, vw = root.clientWidth;
  const shown = el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && r.width > 1 && r.height > 1
      && !el.closest('[hidden], .visually-hidden, .skip-link'); };
  const hides = v => v === 'hidden' || v === 'clip';
  const clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const x = hides(s.overflowX) || s.textOverflow === 'ellipsis', y = hides(s.overflowY);
    if (!(x || y) || !shown(el)) continue;
    if ((y && el.scrollHeight > el.clientHeight + 1) || (x && el.scrollWidth > el.clientWidth + 1))
      clipped.push(el.outerHTML.slice(0, 100));
  }
  const hidden = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.body.querySelectorAll(controls)) {
    if (!shown(el) || el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect(), line = el.getClientRects()[0] || r;
    const x = Math.min(Math.max(line.left + line.width / 2, 0), vw - 1);
    const hit = document.elementFromPoint(x, line.top + line.height / 2);
    const label = el.labels && el.labels[0];
    const reached = hit && (el.contains(hit) || hit.contains(el) || (label && label.contains(hit)));
    if (r.left < -1 || r.right > vw + 1 || !reached)
      hidden.push({what: el.outerHTML.slice(0, 90), left: r.left, right: r.right,
                   hit: hit && hit.outerHTML.slice(0, 60)});
  }
  window.scrollTo(0, 0);
  return {wide: root.scrollWidth > vw + 1 ? root.scrollWidth : 0, clipped, hidden};
}"""
ZOOM_PAGES = MAIN + ["/notes/", "/calendar/", "/dates/", "/distance/", "/journal/", "/progress/",
                     "/reminders/", "/help/", "/offline/"]  # fmt: skip
LAPTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize(
    ("viewport", "language"), [(PHONE, "en"), (LAPTOP, "en"), (PHONE, "es")], ids=str
)
def test_text_zoomed_to_200_percent_loses_nothing(browser, demo, viewport, language):
    User.objects.filter(email="alex@example.com").update(language=language)
    context = browser.new_context(viewport=viewport, locale=language)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = {}

    def check(path):
        page.goto(demo + path)
        found = page.evaluate(ZOOMED)
        # The zoom really applied: body text is twice its 17 px.
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 34
        if found["wide"] or found["clipped"] or found["hidden"]:
            problems[path] = found

    if language != "en":
        page.goto(demo + "/language/")
        page.locator("footer select").select_option(language)
        page.locator("footer .language-switcher button").click()
        page.wait_for_load_state()
    for path in PUBLIC:
        check(path)
    page.goto(demo + "/accounts/login/")
    page.locator("input[type=email]").fill("alex@example.com")
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/today/")
    for path in ZOOM_PAGES:
        check(path)
    context.close()
    assert problems == {}
