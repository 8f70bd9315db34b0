from improvement_hub.cli import main

main()
