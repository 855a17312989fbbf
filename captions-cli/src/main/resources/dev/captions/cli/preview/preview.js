(function () {
  'use strict';
  // Everything from caption files arrives as JSON data and reaches the DOM through textContent only.
  var data = JSON.parse(document.getElementById('preview-data').textContent);
  var video = document.getElementById('video');
  var select = document.getElementById('track-select');
  var list = document.getElementById('cue-list');
  var timeline = document.getElementById('timeline');
  var cueRow = document.getElementById('cue-row');
  var speedRow = document.getElementById('speed-row');
  var chapterRow = document.getElementById('chapter-row');
  var playhead = document.getElementById('playhead');
  var follow = document.getElementById('follow');
  var clock = document.getElementById('clock');
  var current = 0;
  var activeIndex = -1;
  var limit = data.profile.speedLimit;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function clockText(ms) {
    var s = Math.max(0, ms) / 1000;
    var m = Math.floor(s / 60);
    var rest = (s - m * 60).toFixed(3);
    return m + ':' + (rest.length < 6 ? '0' : '') + rest;
  }

  function durationMs() {
    if (isFinite(video.duration) && video.duration > 0) return video.duration * 1000;
    if (data.durationMs > 0) return data.durationMs;
    var end = 1;
    data.tracks.forEach(function (t) { t.cues.forEach(function (c) { end = Math.max(end, c.end); }); });
    if (data.chapters) data.chapters.items.forEach(function (c) { end = Math.max(end, c.end); });
    return end;
  }

  function pct(ms) { return (100 * ms / durationMs()) + '%'; }

  function speedClass(speed) {
    if (!(limit > 0)) return 'ok';
    if (speed > limit + 1e-9) return 'over';
    return speed > 0.8 * limit ? 'near' : 'ok';
  }

  // The tracks: WebVTT text inlined in the data, loaded by the browser through blob: URLs.
  data.tracks.forEach(function (t, i) {
    var track = document.createElement('track');
    track.kind = t.kind;
    track.label = t.label;
    track.srclang = t.language;
    track.src = URL.createObjectURL(new Blob([t.vtt], { type: 'text/vtt' }));
    track.setAttribute('data-cues', String(t.cues.length));
    if (i === 0) track.default = true;
    video.appendChild(track);
    var option = el('option', null, t.label + ' (' + t.language + ', ' + t.cues.length + ' cues)');
    option.value = String(i);
    select.appendChild(option);
  });
  var chapterTrack = null;
  if (data.chapters) {
    chapterTrack = document.createElement('track');
    chapterTrack.kind = 'chapters';
    chapterTrack.label = 'Chapters';
    chapterTrack.srclang = data.chapters.language;
    chapterTrack.src = URL.createObjectURL(new Blob([data.chapters.vtt], { type: 'text/vtt' }));
    chapterTrack.setAttribute('data-cues', String(data.chapters.items.length));
    video.appendChild(chapterTrack);
  }

  function setModes() {
    // Every track loads (hidden); the chosen one shows on the video.
    var els = video.querySelectorAll('track');
    for (var i = 0; i < els.length; i++) {
      els[i].track.mode = (els[i] !== chapterTrack && i === current) ? 'showing' : 'hidden';
    }
  }

  function seek(ms) {
    video.currentTime = Math.max(0, ms) / 1000;
  }

  function renderSummary() {
    var t = data.tracks[current];
    var flagged = 0;
    var over = 0;
    if (t) {
      t.cues.forEach(function (c) {
        if (c.flags.length) flagged++;
        if (limit > 0 && c.speed > limit + 1e-9) over++;
      });
    }
    document.getElementById('summary').textContent = 'Profile ' + data.profile.name + ': reading speed limit '
        + (limit > 0 ? limit + ' ' + data.profile.speedUnit : 'none') + ', ' + data.profile.minDurationMs + '–'
        + data.profile.maxDurationMs + ' ms per cue. ' + (t ? t.label + ': ' + t.cues.length + ' cues, ' + flagged
        + ' flagged by the quality report, ' + over + ' over the reading speed.' : 'No caption track.');
    document.getElementById('speed-label').textContent = 'speed (' + data.profile.speedUnit + ')';
  }

  function renderList() {
    list.textContent = '';
    var t = data.tracks[current];
    if (!t) return;
    t.cues.forEach(function (c, i) {
      var li = el('li', c.flags.length ? 'flagged' : '');
      li.setAttribute('data-index', String(i));
      li.setAttribute('data-start', String(c.start));
      li.appendChild(el('span', 'cue-time', clockText(c.start) + ' → ' + clockText(c.end)));
      li.appendChild(el('span', 'cue-speed ' + speedClass(c.speed), c.speed + ' ' + data.profile.speedUnit));
      li.appendChild(el('div', 'cue-text', c.text));
      if (c.flags.length) {
        var ul = el('ul', 'cue-flags');
        c.flags.forEach(function (f) { ul.appendChild(el('li', null, f)); });
        li.appendChild(ul);
      }
      li.addEventListener('click', function () { seek(c.start + 1); });
      list.appendChild(li);
    });
  }

  function renderTimeline() {
    cueRow.textContent = '';
    chapterRow.textContent = '';
    Array.prototype.slice.call(speedRow.querySelectorAll('.speed')).forEach(function (s) { s.remove(); });
    var t = data.tracks[current];
    var cues = t ? t.cues : [];
    var previousEnd = 0;
    cues.forEach(function (c, i) {
      if (c.start - previousEnd >= data.profile.gapMs) addGap(previousEnd, c.start);
      previousEnd = Math.max(previousEnd, c.end);
      var cls = speedClass(c.speed);
      var bar = el('div', 'bar ' + cls + (c.flags.length ? ' flagged' : ''));
      bar.setAttribute('data-index', String(i));
      bar.style.left = pct(c.start);
      bar.style.width = pct(c.end - c.start);
      bar.title = clockText(c.start) + ' → ' + clockText(c.end) + '  ' + c.speed + ' ' + data.profile.speedUnit
          + '\n' + c.text + (c.flags.length ? '\n' + c.flags.join('\n') : '');
      cueRow.appendChild(bar);
      var speed = el('div', 'speed ' + cls);
      speed.style.left = pct(c.start);
      speed.style.width = pct(c.end - c.start);
      // The dashed line at half height is the limit; a bar twice the limit fills the row.
      speed.style.height = (limit > 0 ? Math.min(100, 50 * c.speed / limit) : 0) + '%';
      speedRow.appendChild(speed);
    });
    var total = durationMs();
    if (total - previousEnd >= data.profile.gapMs) addGap(previousEnd, total);
    if (data.chapters) {
      data.chapters.items.forEach(function (ch) {
        var d = el('div', 'chapter', ch.title);
        d.style.left = pct(ch.start);
        d.style.width = pct(ch.end - ch.start);
        d.title = clockText(ch.start) + ' ' + ch.title;
        chapterRow.appendChild(d);
      });
    }
    updatePlayhead();
  }

  function addGap(from, to) {
    var g = el('div', 'gap');
    g.style.left = pct(from);
    g.style.width = pct(to - from);
    g.title = 'no captions for ' + ((to - from) / 1000).toFixed(1) + ' s';
    cueRow.appendChild(g);
  }

  function updatePlayhead() {
    var ms = video.currentTime * 1000;
    clock.textContent = clockText(ms);
    var rect = cueRow.getBoundingClientRect();
    var box = timeline.getBoundingClientRect();
    playhead.style.left = (rect.left - box.left + rect.width * Math.min(1, ms / durationMs())) + 'px';
    var t = data.tracks[current];
    var idx = -1;
    if (t) {
      for (var i = 0; i < t.cues.length; i++) {
        if (t.cues[i].start <= ms && ms < t.cues[i].end) { idx = i; break; }
      }
    }
    if (idx === activeIndex) return;
    [list, cueRow].forEach(function (parent) {
      var old = parent.querySelector('.active');
      if (old) old.classList.remove('active');
      if (idx >= 0) {
        var now = parent.querySelector('[data-index="' + idx + '"]');
        if (now) now.classList.add('active');
      }
    });
    activeIndex = idx;
    if (idx >= 0 && follow.checked) {
      var item = list.querySelector('[data-index="' + idx + '"]');
      if (item) item.scrollIntoView({ block: 'nearest' });
    }
  }

  function showTrack(i) {
    current = i;
    activeIndex = -1;
    setModes();
    renderSummary();
    renderList();
    renderTimeline();
  }

  data.notes.forEach(function (n) { document.getElementById('notes').appendChild(el('li', null, n)); });
  select.addEventListener('change', function () { showTrack(Number(select.value)); });
  timeline.addEventListener('click', function (e) {
    var rect = cueRow.getBoundingClientRect();
    var f = (e.clientX - rect.left) / rect.width;
    if (f >= 0 && f <= 1) seek(f * durationMs());
  });
  ['timeupdate', 'seeked', 'seeking'].forEach(function (ev) { video.addEventListener(ev, updatePlayhead); });
  video.addEventListener('loadedmetadata', renderTimeline);
  window.addEventListener('resize', updatePlayhead);
  video.src = data.video;
  showTrack(0);
})();
