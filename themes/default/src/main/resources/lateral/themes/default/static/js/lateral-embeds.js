// Click-to-load videos (markdown.Embeds writes the placeholders): nothing is asked of the video
// site until the reader presses Play; then its player (youtube-nocookie.com, player.vimeo.com with
// dnt=1, a PeerTube instance's embed) takes the placeholder's place. Without this script the
// plain link under each video is all there is.
(function () {
  'use strict';
  document.querySelectorAll('figure.lateral-video[data-lateral-video]').forEach(function (figure) {
    var frame = figure.querySelector('.lateral-video-frame');
    var button = figure.querySelector('.lateral-video-play');
    var src = figure.getAttribute('data-lateral-video');
    if (!frame || !button || !/^https:\/\//.test(src)) {
      return;
    }
    frame.hidden = false;
    button.addEventListener('click', function () {
      var player = document.createElement('iframe');
      player.className = 'lateral-video-player';
      player.src = src;
      player.title = figure.getAttribute('data-lateral-title') || 'Video';
      player.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
      player.allowFullscreen = true;
      player.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.replaceChildren(player);
      player.focus();
    });
  });
}());
