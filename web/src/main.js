// The one page of the app: picks the view from the path, like the server's routes in ApiVerticle.
import 'quill/dist/quill.snow.css';
import 'quill-cursors/css';
import './styles.css';
import { translate } from './i18n.js';
import { joinPage } from './pages/join.js';
import { roomPage } from './pages/room.js';
import { consolePage } from './pages/console.js';
import { organiserPage } from './pages/organiser.js';
import { reportPage } from './pages/report.js';

const root = document.getElementById('app');
const path = location.pathname;

translate(document);
if (path.startsWith('/room')) {
  roomPage(root);
} else if (path.startsWith('/console')) {
  consolePage(root);
} else if (path.startsWith('/report')) {
  reportPage(root);
} else if (path.startsWith('/organiser')) {
  organiserPage(root);
} else if (path.startsWith('/i/')) {
  joinPage(root, { invitation: decodeURIComponent(path.slice(3)) });
} else if (path.startsWith('/j/')) {
  joinPage(root, { joinCode: decodeURIComponent(path.slice(3)) });
} else {
  joinPage(root, {});
}
