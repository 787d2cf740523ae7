// Asks the host for app.info through the preload's bridge, and shows menu commands as they arrive.
const info = document.getElementById("info");
const bridge = window.flowbench;
if (!bridge) {
  info.textContent = "No desktop bridge here: this page is meant for the Flowbench app.";
} else {
  bridge.call("app.info", {}).then((reply) => {
    info.textContent = reply.ok ? JSON.stringify(reply.result, null, 2) : `${reply.error.code}: ${reply.error.message}`;
  });
  bridge.onMenu((command) => {
    document.getElementById("menu").textContent = `Menu command received: ${command}`;
  });
}
