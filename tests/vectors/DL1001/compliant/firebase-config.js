// A Firebase app's client configuration: the API key identifies the project and ships in every client build.
import { initializeApp } from "firebase/app";

const firebaseConfig = {
  apiKey: "AIza575yx8xm5MslfY5ubiheyEd7P4zDL_ak6J0",
  authDomain: "orders-web.firebaseapp.com",
  projectId: "orders-web",
  storageBucket: "orders-web.appspot.com",
  messagingSenderId: "482913570264",
  appId: "1:482913570264:web:7c1f0a9be35d42c8",
};

export const app = initializeApp(firebaseConfig);
