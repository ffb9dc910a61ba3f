from plainview.cli import main

raise SystemExit(main())
