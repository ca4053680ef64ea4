// Live read-aloud preview for radio editors: under every textarea[data-read-aloud], show the
// spoken syllables, estimated seconds, what was written out and what could not be read.
// Uses event delegation so that rundown items added by InlinePanel work too.
(function () {
  "use strict";
  var timers = new WeakMap();

  function box(textarea) {
    var next = textarea.nextElementSibling;
    if (next && next.classList.contains("radio-preview")) return next;
    var div = document.createElement("div");
    div.className = "radio-preview";
    div.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", div);
    return div;
  }

  function clock(seconds) {
    var s = Math.round(seconds);
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = content;
    return el;
  }

  function show(textarea, data) {
    var out = box(textarea);
    out.textContent = "";
    out.appendChild(
      text("p", data.syllables + " âm tiết · khoảng " + clock(data.seconds) + " ở tốc độ " + data.rate + " âm tiết/phút", "radio-preview__timing")
    );
    if (data.flags.length) {
      var flags = text("ul", "", "radio-preview__flags");
      data.flags.forEach(function (f) {
        flags.appendChild(text("li", "Chưa đọc được “" + f.token + "”: " + f.reason));
      });
      out.appendChild(text("p", "Cần kiểm tra:", "radio-preview__label"));
      out.appendChild(flags);
    }
    if (data.expansions.length) {
      var list = text("ul", "", "radio-preview__expansions");
      data.expansions.forEach(function (e) {
        list.appendChild(text("li", e.original + " → " + e.spoken + " (" + e.rule_label + ")"));
      });
      out.appendChild(text("p", "Đã viết thành chữ:", "radio-preview__label"));
      out.appendChild(list);
    }
    var details = document.createElement("details");
    details.appendChild(text("summary", "Văn bản đọc"));
    details.appendChild(text("p", data.read_text, "radio-preview__read"));
    out.appendChild(details);
  }

  function preview(textarea) {
    var value = textarea.value;
    if (!value.trim()) {
      box(textarea).textContent = "";
      return;
    }
    var body = { text: value };
    if (textarea.dataset.rate) body.rate = parseInt(textarea.dataset.rate, 10);
    fetch(textarea.dataset.readAloud, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    })
      .then(function (r) {
        return r.json().then(function (data) {
          return { ok: r.ok, data: data };
        });
      })
      .then(function (res) {
        if (res.ok) show(textarea, res.data);
        else box(textarea).textContent = res.data.detail || "Không xem trước được.";
      })
      .catch(function () {
        box(textarea).textContent = "Không kết nối được để xem trước thời lượng.";
      });
  }

  function schedule(textarea) {
    clearTimeout(timers.get(textarea));
    timers.set(textarea, setTimeout(function () { preview(textarea); }, 600));
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-read-aloud]")) schedule(event.target);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-read-aloud]").forEach(function (t) {
      if (t.value.trim()) preview(t);
    });
  });
})();
