;;; eglot-probe.el --- Emacs 28 + eglot batch probe for devopslens lsp  -*- lexical-binding: t; -*-
;; Opens each file in PROBE_FILES (relative to PROBE_ROOT) under eglot and records the codes of every
;; textDocument/publishDiagnostics (Flymake shows nothing in batch mode), then writes them as JSON to PROBE_OUT.
(require 'eglot)
(require 'json)
(require 'seq)

(defvar probe-root (file-name-as-directory (getenv "PROBE_ROOT")))
(defvar probe-files (split-string (getenv "PROBE_FILES") ","))
(defvar probe-results (make-hash-table :test 'equal))

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (let ((path (file-truename (eglot--uri-to-path (plist-get params :uri))))
                      (codes (mapcar (lambda (d) (plist-get d :code)) (plist-get params :diagnostics))))
                  (when codes (puthash path codes probe-results))))))

;; Every file in fundamental-mode: Emacs 28 has no YAML or C# mode, and eglot only needs a major mode to key on.
(setq auto-mode-alist nil magic-mode-alist nil magic-fallback-mode-alist nil)
(setq project-find-functions (list (lambda (_dir) (cons 'transient probe-root))))
(setq eglot-sync-connect 30 eglot-connect-timeout 60)

(let* ((contact (list (or (getenv "DOTNET") "dotnet") (getenv "DEVOPSLENS_DLL") "lsp" "--stdio"))
       (first (expand-file-name (car probe-files) probe-root))
       server)
  (find-file first)
  (setq server (eglot '(fundamental-mode) (project-current) 'eglot-lsp-server contact "plaintext"))
  (dolist (rel (cdr probe-files))
    (find-file (expand-file-name rel probe-root))
    (eglot--maybe-activate-editing-mode))
  (let ((deadline (+ (float-time) 60)))
    (while (and (< (float-time) deadline)
                (seq-some (lambda (rel) (not (gethash (file-truename (expand-file-name rel probe-root)) probe-results))) probe-files))
      (accept-process-output nil 0.1)))
  (let ((out (make-hash-table :test 'equal)))
    (dolist (rel probe-files)
      (puthash rel (or (gethash (file-truename (expand-file-name rel probe-root)) probe-results) []) out))
    (with-temp-file (getenv "PROBE_OUT") (insert (json-encode out))))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs 0))
