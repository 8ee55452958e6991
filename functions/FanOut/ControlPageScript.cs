namespace Switchyard.Functions.FanOut;

/// <summary>The control page's script (<see cref="ControlPage"/>): values reach the page only through <c>textContent</c>.</summary>
internal static class ControlPageScript
{
    public const string Text = """
"use strict";
(function () {
  const key = "switchyard.agents.secret";
  const api = "/__agents/api/";
  const $ = (id) => document.getElementById(id);
  let subscriptions = [];
  let timer = null;

  function secret() { return sessionStorage.getItem(key); }

  async function call(method, path, body) {
    const init = { method: method, headers: { "Authorization": "Bearer " + secret() }, cache: "no-store" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(api + path, init);
    if (response.status === 401 && path !== "subscriptions") {
      logout("The secret was refused.");
      throw new Error("unauthorized");
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, json: json, text: text };
  }

  function errorsOf(result) {
    if (result.json && Array.isArray(result.json.errors)) { return result.json.errors.join("\n"); }
    return "HTTP " + result.status + (result.text ? ": " + result.text : "");
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function time(value) { return value ? new Date(value).toLocaleTimeString() : "never"; }

  function render(status) {
    $("running").textContent = status.running ? "running" : "stopped";
    const byName = new Map(status.subscriptions.map((s) => [s.name, s]));
    const tbody = $("subscriptions").querySelector("tbody");
    tbody.replaceChildren();
    $("empty").hidden = subscriptions.length > 0;
    for (const subscription of subscriptions) {
      const live = byName.get(subscription.name) || { state: "unknown" };
      const row = document.createElement("tr");
      row.dataset.name = subscription.name;
      cell(row, subscription.name + (subscription.static ? " (static)" : ""), "name");
      cell(row, subscription.broker, "broker");
      cell(row, live.state, "state state-" + live.state);
      const fill = cell(row, "", "fill");
      const bar = document.createElement("span");
      bar.className = "bar";
      const inner = document.createElement("span");
      inner.style.width = Math.round((live.batch_fill || 0) * 100) + "%";
      bar.appendChild(inner);
      fill.appendChild(bar);
      fill.appendChild(document.createTextNode(" " + (live.batch_events || 0) + " events"));
      cell(row, live.last_flush_at ? time(live.last_flush_at) + " (" + live.last_flush_reason + ")" : "never", "last-flush");
      cell(row, live.events_per_second || 0, "rate");
      cell(row, live.delivered || 0, "delivered");
      // On Redis (at most once) the events published during a gap are lost; on AMQP they wait in the queue.
      const gaps = cell(row, (live.reconnect_gaps || 0) + " (" + (live.reconnect_gap_seconds || 0) + " s)", "gaps");
      if (live.delivery === "at_most_once") { gaps.title = "Redis publish/subscribe: events published during a gap are lost"; }
      cell(row, live.last_error ? time(live.last_error_at) + ": " + live.last_error : "", "last-error error");
      const actions = cell(row, "", "actions");
      if (!subscription.static) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "delete";
        remove.textContent = "Delete";
        remove.addEventListener("click", () => removeSubscription(subscription.name));
        actions.appendChild(remove);
      }
      tbody.appendChild(row);
    }
  }

  async function refresh(withList) {
    try {
      if (withList) {
        const list = await call("GET", "subscriptions");
        if (list.status === 401) { logout("The secret was refused."); return; }
        subscriptions = list.json || [];
      }
      const status = await call("GET", "status");
      if (status.status === 200) { render(status.json); }
    } catch (e) {
      if (e.message !== "unauthorized") { $("message").textContent = "The gateway did not answer: " + e.message; }
    }
  }

  async function removeSubscription(name) {
    if (!window.confirm("Delete the subscription " + name + "?")) { return; }
    const result = await call("DELETE", "subscriptions/" + encodeURIComponent(name));
    $("message").textContent = result.status === 200 ? "Deleted " + name + "." : errorsOf(result);
    await refresh(true);
  }

  async function control(action) {
    const result = await call("POST", "control/" + action);
    $("message").textContent = result.status === 200 ? "Agents: " + action + " done." : errorsOf(result);
    await refresh(true);
  }

  async function add(event) {
    event.preventDefault();
    const body = {};
    for (const element of event.target.elements) {
      if (!element.name || element.value === "") { continue; }
      body[element.name] = element.type === "number" ? Number(element.value) : element.value;
    }
    $("add-error").textContent = "";
    $("add").disabled = true;
    try {
      const result = await call("POST", "subscriptions", body);
      if (result.status === 201) {
        event.target.reset();
        $("message").textContent = "Added " + result.json.name + ".";
        await refresh(true);
      } else {
        $("add-error").textContent = errorsOf(result);
      }
    } finally {
      $("add").disabled = false;
    }
  }

  function show() {
    const open = secret() !== null;
    $("login").hidden = open;
    $("main").hidden = !open;
    if (timer !== null) { clearInterval(timer); timer = null; }
    if (open) {
      refresh(true);
      timer = setInterval(() => refresh(true), 2000);
    }
  }

  function logout(reason) {
    sessionStorage.removeItem(key);
    $("login-error").textContent = reason || "";
    show();
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    sessionStorage.setItem(key, $("secret").value);
    $("secret").value = "";
    const probe = await fetch(api + "status", { headers: { "Authorization": "Bearer " + secret() }, cache: "no-store" });
    if (probe.status === 200) { $("login-error").textContent = ""; show(); } else { logout("The secret was refused."); }
  });
  $("logout").addEventListener("click", () => logout(""));
  $("start").addEventListener("click", () => control("start"));
  $("stop").addEventListener("click", () => control("stop"));
  $("restart").addEventListener("click", () => control("restart"));
  $("add-form").addEventListener("submit", add);
  show();
})();
""";
}
