// The editor's page: brief an article through the API, show the briefing page,
// list the recent briefings. No framework; everything shown is set as text or
// loaded into a sandboxed frame that runs no script.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const needsKey = document.body.dataset.auth === "1";
  const keyInput = $("api-key");
  const status = $("status");

  if (needsKey) {
    keyInput.value = sessionStorage.getItem("summarizer-key") || "";
    keyInput.addEventListener("change", () => {
      sessionStorage.setItem("summarizer-key", keyInput.value.trim());
      loadRecent();
    });
  }

  function headers(extra) {
    const h = Object.assign({}, extra || {});
    if (needsKey && keyInput.value.trim()) {
      h["Authorization"] = "Bearer " + keyInput.value.trim();
    }
    return h;
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return body.detail || body.title || response.statusText;
    } catch (e) {
      return response.status + " " + response.statusText;
    }
  }

  function showPage(id, pageHtml, title) {
    const frame = $("briefing-frame");
    frame.onload = () => {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) {
        frame.style.height = doc.documentElement.scrollHeight + "px";
      }
    };
    frame.srcdoc = pageHtml;
    $("result-title").textContent = title || "";
    const json = $("result-json");
    json.href = "/v1/briefings/" + encodeURIComponent(id);
    json.onclick = async (event) => {
      event.preventDefault();
      const response = await fetch(json.href, { headers: headers() });
      const blob = new Blob([await response.text()], { type: "application/json" });
      window.open(URL.createObjectURL(blob), "_blank", "noopener");
    };
    $("result").hidden = false;
  }

  async function openBriefing(id, title) {
    say("Loading…");
    const response = await fetch("/v1/briefings/" + encodeURIComponent(id) + ".html", {
      headers: headers(),
    });
    if (!response.ok) {
      say(await problem(response), true);
      return;
    }
    showPage(id, await response.text(), title);
    say("");
  }

  async function brief(event) {
    event.preventDefault();
    const raw = $("article").value.trim();
    if (!raw) {
      say("Paste an article or a URL first.", true);
      return;
    }
    const isUrl = /^https?:\/\/\S+$/i.test(raw);
    const button = $("brief-button");
    button.disabled = true;
    say(isUrl ? "Fetching and briefing the page…" : "Briefing…");
    try {
      const response = await fetch("/v1/briefings", {
        method: "POST",
        headers: headers({ "Content-Type": "application/json" }),
        body: JSON.stringify(isUrl ? { url: raw, format: "html" } : { text: raw, format: "html" }),
      });
      if (!response.ok) {
        say(await problem(response), true);
        return;
      }
      const where = response.headers.get("Location") || "";
      const id = where.split("/").pop();
      const pageHtml = await response.text();
      const title = new DOMParser().parseFromString(pageHtml, "text/html").title;
      showPage(id, pageHtml, title.replace(/^Briefing: /, ""));
      say("Done: every quote is highlighted in the article.");
      loadRecent();
    } catch (e) {
      say("The server could not be reached: " + e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  async function loadRecent() {
    const q = $("search").value.trim();
    const url = "/v1/briefings?limit=15" + (q ? "&q=" + encodeURIComponent(q) : "");
    let response;
    try {
      response = await fetch(url, { headers: headers() });
    } catch (e) {
      return;
    }
    const list = $("recent");
    list.replaceChildren();
    if (!response.ok) {
      const li = document.createElement("li");
      li.className = "meta";
      li.textContent = response.status === 401 ? "Enter an API key to see briefings." : await problem(response);
      list.append(li);
      return;
    }
    const body = await response.json();
    for (const item of body.items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.links.html;
      a.textContent = item.title || item.headline;
      a.addEventListener("click", (event) => {
        event.preventDefault();
        openBriefing(item.id, item.title || item.headline);
      });
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = item.created.replace("T", " ").replace("+00:00", " UTC") + " · " + item.engine;
      a.append(meta);
      li.append(a);
      list.append(li);
    }
    if (!body.items.length) {
      const li = document.createElement("li");
      li.className = "meta";
      li.textContent = q ? "No briefing matches." : "No briefings yet.";
      list.append(li);
    }
  }

  $("brief-form").addEventListener("submit", brief);
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadRecent();
  });
  $("search").addEventListener("input", () => loadRecent());
  loadRecent();
})();
