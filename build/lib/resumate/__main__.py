from resumate.cli import main

main()
