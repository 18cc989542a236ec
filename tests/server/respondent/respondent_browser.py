#!/usr/bin/python3
"""Drives Debian's headless Chromium through the respondent page of a running
engage-server over the Chrome DevTools Protocol, the way a respondent would:
keyboard only, partial saves, a second submission, an expired link, the
language switch and one question at a time without JavaScript.

Usage: respondent_browser.py BASE_URL SPKI_SHA256_BASE64 TOKENS_JSON
TOKENS_JSON names the links: {"keyboard", "autosave", "language", "nojs",
"closed"}. Prints one line per check; exits 1 at the first that fails.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import websocket  # Debian python3-websocket

TIMEOUT = 20


class Failed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failed(what)
    print("ok:", what, flush=True)


class Browser:
    def __init__(self, spki):
        self.profile = tempfile.mkdtemp(prefix="engage-chromium-")
        self.process = subprocess.Popen(
            ["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--mute-audio",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile,
             # Trust exactly the test server's key, as a pinned client would.
             "--ignore-certificate-errors-spki-list=" + spki,
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + TIMEOUT
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.time() > deadline or self.process.poll() is not None:
                raise Failed("chromium did not start")
            time.sleep(0.05)
        with open(port_file) as lines:
            port, path = lines.read().split()[:2]
        self.socket = websocket.create_connection("ws://127.0.0.1:%s%s" % (port, path),
                                                  timeout=TIMEOUT)
        self.next_id = 0
        self.events = []
        self.problems = []  # script errors and policy violations, all along
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)
        self.call("Log.enable", session=True)

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

    def receive(self):
        event = json.loads(self.socket.recv())
        method = event.get("method")
        if method == "Runtime.exceptionThrown":
            self.problems.append(event["params"])
        elif method == "Log.entryAdded" and \
                event["params"]["entry"].get("source") in ("security", "javascript"):
            self.problems.append(event["params"]["entry"])
        return event

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failed("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for_event(self, method):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[:index + 1]
                    return event
            self.socket.settimeout(max(0.1, deadline - time.time()))
            self.events.append(self.receive())
        raise Failed("no " + method)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise Failed("script failed: " + expression)
        return result["result"].get("value")

    def wait_until(self, expression, what):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise Failed("timed out waiting for " + what)

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for_event("Page.loadEventFired")

    # A key as a keyboard sends it: down, (text), up.
    KEYS = {
        "Tab": (9, None), "Enter": (13, "\r"), "Space": (32, " "),
        "ArrowRight": (39, None), "ArrowLeft": (37, None), "ArrowDown": (40, None),
    }

    def press(self, key, shift=False):
        code, text = self.KEYS[key]
        key_name = " " if key == "Space" else key
        modifiers = 8 if shift else 0
        down = {"type": "keyDown" if text else "rawKeyDown", "key": key_name,
                "code": key if key != "Space" else "Space",
                "windowsVirtualKeyCode": code, "modifiers": modifiers}
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", down, session=True)
        self.call("Input.dispatchKeyEvent",
                  {"type": "keyUp", "key": key_name, "code": down["code"],
                   "windowsVirtualKeyCode": code, "modifiers": modifiers}, session=True)

    def press_and_load(self, key):
        self.events.clear()
        self.press(key)
        self.wait_for_event("Page.loadEventFired")

    def focused(self):
        return self.evaluate(
            "(function(){var e=document.activeElement;return e?{tag:e.tagName,"
            "type:e.type||'',name:e.name||'',value:e.value||'',text:e.textContent||'',"
            "hreflang:e.hreflang||'',outline:getComputedStyle(e).outlineStyle,"
            "ring:e.closest('label')?getComputedStyle(e.closest('label')).outlineStyle:''}"
            ":null})()")

    def tab_until(self, predicate, what, limit=80):
        for _ in range(limit):
            self.press("Tab")
            element = self.focused()
            if element and predicate(element):
                return element
        raise Failed("the keyboard never reached " + what)

    def text(self, selector):
        return self.evaluate("(document.querySelector(%s)||{}).textContent" % json.dumps(selector))


def answer_with_keyboard(browser, points, skip=()):
    """Tabs into each question's radio group in turn and picks a point with
    Space and the arrow keys; returns the groups answered and the focus ring
    styles seen."""
    rings = set()
    done = set(skip)
    for point in points:
        element = browser.tab_until(
            lambda e: e["type"] == "radio" and e["name"] not in done, "the next question")
        # Tab lands on the group's checked option, or its first: Space picks
        # it, the arrows move the choice from there.
        browser.press("Space")
        delta = point - int(element["value"])
        for _ in range(abs(delta)):
            browser.press("ArrowRight" if delta > 0 else "ArrowLeft")
        done.add(element["name"])
        focused = browser.focused()
        check(focused["value"] == str(point), "%s answered %d by keyboard" % (element["name"], point))
        rings.add((focused["outline"], focused["ring"]))
    return done - set(skip), rings


def keyboard_and_resubmit(browser, base, token):
    page = "%s/r/%s?lang=en" % (base, token)
    browser.open(page)
    check(browser.evaluate("document.documentElement.lang") == "en", "the page is in English")
    questions = browser.evaluate("document.querySelectorAll('fieldset[data-q]').length")
    _, rings = answer_with_keyboard(browser, [(i % 5) + 1 for i in range(questions)])
    check(any("solid" in ring for ring in rings), "the focused option shows a focus ring")
    progress = browser.text("#progress-text")
    check(progress.startswith("%d of %d" % (questions, questions)),
          "the progress follows the answers (%s)" % progress)
    browser.tab_until(lambda e: e["tag"] == "BUTTON" and "Submit" in e["text"], "Submit")
    browser.press_and_load("Enter")
    check(browser.text("h1") == "Thank you for your answers", "submitted with Enter")

    browser.open(page)
    notice = browser.text(".notice") or ""
    check("already submitted" in notice, "a second visit says it was submitted")
    answer_with_keyboard(browser, [5] * questions)
    browser.tab_until(lambda e: e["tag"] == "BUTTON" and "Submit" in e["text"], "Submit")
    browser.press_and_load("Enter")
    body = browser.text("main")
    check("replaced the ones you submitted earlier" in body, "the second submission replaced the first")


def autosave(browser, base, token):
    page = "%s/r/%s?lang=en" % (base, token)
    browser.open(page)
    first, _ = answer_with_keyboard(browser, [2])
    browser.wait_until("document.getElementById('status').textContent.length > 0",
                       "the automatic save")
    status = browser.text("#status")
    check(status == browser.evaluate(
        "document.getElementById('answers').getAttribute('data-saved')"),
        "saved automatically (%s)" % status)
    browser.open(page)
    check(browser.evaluate("document.querySelector('input[type=radio]:checked') !== null && "
                           "document.querySelector('input[type=radio]:checked').value") == "2",
          "the saved answer is there when the page opens again")
    # The page's own button saves too, without the script's help.
    answer_with_keyboard(browser, [4], skip=first)
    browser.tab_until(lambda e: e["tag"] == "BUTTON" and "Save" in e["text"], "Save")
    browser.press_and_load("Enter")
    check("saved" in (browser.text(".notice") or ""), "the save button says the answers are saved")
    check(browser.evaluate("document.querySelectorAll('input[type=radio]:checked').length") == 2,
          "both saved answers are shown")


def language_switch(browser, base, token):
    browser.open("%s/r/%s" % (base, token))
    check(browser.evaluate("document.documentElement.lang") == "ja", "the member's language first")
    check(browser.text("#privacy") == "あなたの回答の扱い", "who sees what, in Japanese")
    browser.tab_until(lambda e: e["tag"] == "A" and e["hreflang"] == "en", "the English link")
    browser.press_and_load("Enter")
    check(browser.evaluate("document.documentElement.lang") == "en", "switched to English")
    check(browser.text("#privacy") == "Who sees your answers", "who sees what, in English")


def one_at_a_time_without_script(browser, base, token):
    browser.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
    try:
        browser.open("%s/r/%s?lang=en&mode=step&q=1" % (base, token))
        total = 0
        while True:
            check(browser.evaluate("document.querySelectorAll('[data-q]').length") == 1,
                  "one question on the page")
            total += 1
            answer_with_keyboard(browser, [3])
            button = browser.tab_until(
                lambda e: e["tag"] == "BUTTON" and ("Next" in e["text"] or "Submit" in e["text"]),
                "Next or Submit")
            browser.press_and_load("Enter")
            if "Submit" in button["text"]:
                break
            check("Question %d of" % (total + 1) in browser.text("#progress-text"),
                  "on to question %d" % (total + 1))
        check(browser.text("h1") == "Thank you for your answers",
              "submitted one question at a time without JavaScript (%d questions)" % total)
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", {"value": False}, session=True)


def expired(browser, base, token):
    browser.open("%s/r/%s?lang=en" % (base, token))
    check(browser.text("h1") == "This survey has closed", "a closed round's link explains itself")
    check(browser.evaluate("document.forms.length") == 0, "and offers no form")
    browser.open("%s/r/%s?lang=ja" % (base, "A" * 43))
    check(browser.text("h1") == "このリンクは使えません", "an unknown link explains itself")


def main():
    base, spki, tokens = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    browser = Browser(spki)
    try:
        keyboard_and_resubmit(browser, base, tokens["keyboard"])
        autosave(browser, base, tokens["autosave"])
        language_switch(browser, base, tokens["language"])
        one_at_a_time_without_script(browser, base, tokens["nojs"])
        expired(browser, base, tokens["closed"])
        # Nothing the page did broke its own policy or failed in its script.
        check(not browser.problems, "no script error and no policy violation %s" % browser.problems)
    except Failed as failure:
        print("FAILED:", failure, flush=True)
        return 1
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
