namespace Switchyard.Functions.FanOut;

/// <summary>The control page's markup (<see cref="ControlPage"/>).</summary>
internal static class ControlPageHtml
{
    public const string Text = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard fan-out agents</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f4f4f4; }
  .state-connected { color: #137333; font-weight: 600; }
  .state-stopped { color: #666; }
  .state-connecting, .state-reconnecting { color: #b06000; font-weight: 600; }
  .error { color: #b3261e; }
  .bar { display: inline-block; width: 80px; height: 8px; background: #eee; vertical-align: middle; }
  .bar > span { display: block; height: 100%; background: #1a73e8; }
  form.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .5rem 1rem; }
  form.grid label { display: flex; flex-direction: column; font-size: 12px; }
  button { margin-right: .4rem; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<h1>Fan-out agents</h1>

<section id="login">
  <form id="login-form">
    <label>Admin secret <input id="secret" type="password" autocomplete="off" required></label>
    <button id="login-button" type="submit">Open</button>
  </form>
  <p id="login-error" class="error" role="alert"></p>
</section>

<section id="main" hidden>
  <p>
    Agents: <strong id="running">?</strong>
    <button id="start" type="button">Start</button>
    <button id="stop" type="button">Stop</button>
    <button id="restart" type="button">Restart</button>
    <button id="logout" type="button">Forget secret</button>
  </p>
  <p id="message" role="status"></p>

  <h2>Subscriptions</h2>
  <table id="subscriptions">
    <thead>
      <tr><th>Name</th><th>Broker</th><th>State</th><th>Batch fill</th><th>Last flush</th><th>Events/s</th><th>Delivered</th><th>Reconnect gaps</th><th>Last error</th><th></th></tr>
    </thead>
    <tbody></tbody>
  </table>
  <p id="empty" hidden>No subscriptions.</p>

  <h2>Add a subscription</h2>
  <form id="add-form" class="grid">
    <label>broker * <input name="broker" required placeholder="amqp://user:password@host:5672/vhost or redis://:password@host:6379/0"></label>
    <label>api_url * <input name="api_url" required placeholder="https://leek.example.com/api"></label>
    <label>app_name * <input name="app_name" required pattern="[a-z]+"></label>
    <label>app_env * <input name="app_env" required pattern="[a-z]+"></label>
    <label>app_key <input name="app_key" type="password" autocomplete="off"></label>
    <label>org_name <input name="org_name"></label>
    <label>exchange <input name="exchange" placeholder="celeryev"></label>
    <label>queue <input name="queue" placeholder="leek.fanout"></label>
    <label>routing_key <input name="routing_key" placeholder="#"></label>
    <label>prefetch_count <input name="prefetch_count" type="number" min="1000" max="10000" placeholder="1000"></label>
    <label>concurrency_pool_size <input name="concurrency_pool_size" type="number" min="1" max="20" placeholder="1"></label>
    <label>batch_max_size_in_mb <input name="batch_max_size_in_mb" type="number" min="1" max="10" placeholder="1"></label>
    <label>batch_max_number_of_messages <input name="batch_max_number_of_messages" type="number" min="1" placeholder="prefetch_count"></label>
    <label>batch_max_window_in_seconds <input name="batch_max_window_in_seconds" type="number" min="5" max="20" placeholder="5"></label>
    <label>event_ttl_seconds <input name="event_ttl_seconds" type="number" min="1" placeholder="none"></label>
    <label>transform
      <select name="transform"><option value="">none</option><option value="celery">celery</option></select>
    </label>
    <div><button id="add" type="submit">Add</button></div>
  </form>
  <p id="add-error" class="error" role="alert"></p>
</section>

<script src="/__agents/control.js"></script>
</body>
</html>
""";
}
