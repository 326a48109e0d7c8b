import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { windowApi } from './api/renderer-api';
import { rootContext } from './context';
import { AppState } from './stores/app-state.svelte';
import { Theme } from './stores/theme.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

// The one place the window's API is read: everything below gets it, and the stores, through context.
const api = windowApi();
export default mount(App, {
  target,
  context: rootContext({ api, app: new AppState(api), theme: new Theme() }),
});
